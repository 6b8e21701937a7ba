// Videos on YouTube, Vimeo, TwentyThree and Dream Broker: the page loads nothing from the
// service until the user presses play; then the service's player takes the placeholder's place.
// Without JavaScript the placeholder links to the video on the service.

/** Replaces the link of a placeholder by a play button that frames the player when pressed. */
export function prepare(figure) {
  const src = figure.dataset.videoSrc;
  const host = figure.dataset.videoHost;
  const consent = figure.querySelector('.video-samtykke');
  const link = figure.querySelector('.video-link');
  if (!src || !host || !consent || !link) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'video-afspil';
  button.textContent = 'Afspil video fra ' + host;
  button.addEventListener('click', () => play(figure, src, consent));
  link.replaceChildren(button);
}

function play(figure, src, consent) {
  const frame = document.createElement('iframe');
  frame.src = src;
  frame.title = figure.querySelector('figcaption')?.textContent || 'Video';
  frame.allow = 'fullscreen; picture-in-picture; encrypted-media';
  frame.allowFullscreen = true;
  frame.referrerPolicy = 'strict-origin-when-cross-origin';
  const holder = document.createElement('div');
  holder.className = 'video-ramme';
  holder.append(frame);
  consent.replaceWith(holder);
  frame.focus();
}

for (const figure of document.querySelectorAll('figure.video-ekstern')) prepare(figure);
