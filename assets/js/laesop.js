// "Læs siden op": reads the main content aloud with the browser's own Danish voice. The
// buttons appear only when the browser has a Danish voice; nothing is sent anywhere.

const speech = window.speechSynthesis;

/** The browser's Danish voice, preferring da-DK, or undefined. */
export function danishVoice(voices) {
  const danish = voices.filter((v) => /^da([-_]|$)/i.test(v.lang));
  return danish.find((v) => /^da[-_]dk$/i.test(v.lang)) || danish[0];
}

/** The text of the main content in readable pieces: one per line of what is on the screen. */
export function pieces(main, skip) {
  const out = [];
  for (const child of main.children) {
    if (child === skip) continue;
    for (const line of child.innerText.split(/\n+/)) {
      const text = line.trim();
      if (text) out.push(text);
    }
  }
  return out;
}

function button(label, className) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = label;
  return b;
}

function start(voice) {
  const main = document.getElementById('indhold');
  if (!main || main.querySelector('.laes-op')) return;
  const bar = document.createElement('div');
  bar.className = 'laes-op';
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', 'Læs siden op');
  const read = button('Læs siden op', 'laes-op-start');
  const pause = button('Pause', 'laes-op-pause');
  const stop = button('Stop', 'laes-op-stop');
  pause.hidden = true;
  stop.hidden = true;
  bar.append(read, pause, stop);
  const heading = main.querySelector('h1');
  if (heading && heading.parentElement === main) heading.after(bar);
  else main.prepend(bar);

  let reading = false;
  const done = () => {
    reading = false;
    pause.hidden = true;
    stop.hidden = true;
    pause.textContent = 'Pause';
    read.hidden = false;
  };
  read.addEventListener('click', () => {
    speech.cancel();
    const texts = pieces(main, bar);
    if (texts.length === 0) return;
    reading = true;
    texts.forEach((text, i) => {
      const u = new SpeechSynthesisUtterance(text);
      u.lang = 'da-DK';
      u.voice = voice;
      if (i === texts.length - 1) u.addEventListener('end', () => { if (reading) done(); });
      speech.speak(u);
    });
    read.hidden = true;
    pause.hidden = false;
    stop.hidden = false;
    pause.focus();
  });
  pause.addEventListener('click', () => {
    const resume = pause.textContent === 'Fortsæt';
    if (resume) speech.resume();
    else speech.pause();
    pause.textContent = resume ? 'Pause' : 'Fortsæt';
  });
  stop.addEventListener('click', () => {
    reading = false;
    speech.cancel();
    done();
    read.focus();
  });
  window.addEventListener('pagehide', () => speech.cancel());
}

if (speech && typeof SpeechSynthesisUtterance === 'function') {
  const tryStart = () => {
    const voice = danishVoice(speech.getVoices());
    if (voice) {
      speech.removeEventListener('voiceschanged', tryStart);
      start(voice);
    }
  };
  speech.addEventListener('voiceschanged', tryStart);
  tryStart();
}
