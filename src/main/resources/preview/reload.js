// Preview only (never in a built site): reload the page when the site has been rebuilt.
(function () {
  var events = new EventSource(new URL('events', document.currentScript.src));
  events.onmessage = function () { location.reload(); };
})();
