// Preview only (never in a built site): reload the page as soon as the preview has written a
// new version of it. The script's data-v is the version of the site the page came from.
(function () {
  var script = document.currentScript;
  var url = new URL('events', script.src);
  url.searchParams.set('since', script.dataset.v || '0');
  url.searchParams.set('path', location.pathname);
  var events = new EventSource(url);
  events.onmessage = function () {
    events.close();
    location.reload();
  };
})();
