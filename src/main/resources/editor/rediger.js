// The page form: counters, the check and live preview while typing, list editors, the body's
// toolbar, images with required alternative text, and a warning before unsaved changes are lost.
// Without this module the form still saves; the server checks it and shows it again.
const form = document.getElementById('side-form');
const secret = document.body.dataset.noegle;
const header = { 'X-Rediger-Noegle': secret };
let dirty = false;

function counter(control) {
  const out = document.getElementById(control.id + '-taeller');
  if (!out) return;
  const max = Number(control.dataset.max);
  const n = control.value.length;
  out.textContent = n + ' af højst ' + max + ' tegn' + (n > max ? ' – ' + (n - max) + ' for mange' : '');
  out.classList.toggle('over', n > max);
}

function renumber(list) {
  const base = list.dataset.liste;
  [...list.querySelector('.raekker').children].forEach((row, i) => {
    for (const el of row.querySelectorAll('[id]')) {
      const rest = el.id.slice(base.length).replace(/^-\d+/, '');
      el.id = base + '-' + (i + 1) + rest;
    }
    for (const label of row.querySelectorAll('label[for]')) {
      const rest = label.htmlFor.slice(base.length).replace(/^-\d+/, '');
      label.htmlFor = base + '-' + (i + 1) + rest;
      if (label.classList.contains('skjult')) label.textContent = label.textContent.replace(/\s*\d*$/, ' ' + (i + 1));
    }
    const legend = row.querySelector('legend');
    if (legend) legend.textContent = 'Punkt ' + (i + 1);
  });
}

function listEditors() {
  for (const list of form.querySelectorAll('[data-liste]')) {
    const add = list.querySelector('.tilfoej');
    add.hidden = false;
    for (const b of list.querySelectorAll('.raekker .fjern')) b.hidden = false;
    add.addEventListener('click', () => {
      const row = list.querySelector('template').content.firstElementChild.cloneNode(true);
      row.querySelector('.fjern').hidden = false;
      list.querySelector('.raekker').append(row);
      renumber(list);
      row.querySelector('input, select, textarea').focus();
      changed();
    });
    list.addEventListener('click', (event) => {
      const remove = event.target.closest('.fjern');
      if (!remove) return;
      remove.closest('.raekker > li').remove();
      renumber(list);
      add.focus();
      changed();
    });
  }
}

const body = document.getElementById('body');

function insert(before, after = '', placeholder = '') {
  const start = body.selectionStart;
  const end = body.selectionEnd;
  const chosen = body.value.slice(start, end) || placeholder;
  body.setRangeText(before + chosen + after, start, end, 'end');
  body.setSelectionRange(start + before.length, start + before.length + chosen.length);
  body.focus();
  changed();
}

function lineStart(prefix) {
  const start = body.value.lastIndexOf('\n', body.selectionStart - 1) + 1;
  body.setRangeText(prefix, start, start, 'end');
  body.focus();
  changed();
}

function toolbar() {
  const bar = document.getElementById('vaerktoejer');
  if (!bar || !body) return;
  bar.hidden = false;
  const panel = document.getElementById('billede-panel');
  const imageButton = bar.querySelector('[data-indsaet=billede]');
  bar.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-indsaet]');
    if (!button) return;
    const what = button.dataset.indsaet;
    if (what === 'overskrift') lineStart('## ');
    else if (what === 'fed') insert('**', '**', 'fed tekst');
    else if (what === 'liste') lineStart('- ');
    else if (what === 'link' || what === 'begreb') {
      const select = document.getElementById(what === 'link' ? 'link-side' : 'link-begreb');
      if (!select.value) { select.focus(); return; }
      const title = select.options[select.selectedIndex].text.replace(/ \([^)]*\)$/, '');
      insert('[', '](' + select.value + ')', title);
    } else if (what === 'billede') {
      panel.hidden = !panel.hidden;
      imageButton.setAttribute('aria-expanded', String(!panel.hidden));
      if (!panel.hidden) document.getElementById('billede-fil').focus();
    }
  });
  document.getElementById('billede-indsaet').addEventListener('click', insertImage);
}

async function insertImage() {
  const alt = document.getElementById('billede-alt');
  const chosen = document.getElementById('billede-fil');
  const upload = document.getElementById('billede-upload');
  const problem = document.getElementById('billede-fejl');
  problem.textContent = '';
  if (!alt.value.trim()) {
    problem.textContent = 'Skriv en alternativ tekst: beskriv, hvad billedet viser. Uden den kan billedet ikke sættes ind.';
    alt.setAttribute('aria-invalid', 'true');
    alt.focus();
    return;
  }
  alt.removeAttribute('aria-invalid');
  let markdown;
  if (upload.files.length) {
    const data = new FormData();
    data.append('fil', upload.files[0]);
    data.append('alt', alt.value.trim());
    data.append('side', form.elements.fil.value);
    const response = await fetch(form.dataset.upload, { method: 'POST', headers: header, body: data });
    const answer = await response.json();
    if (!response.ok) { problem.textContent = answer.fejl; return; }
    markdown = answer.markdown;
  } else if (chosen.value) {
    markdown = '![' + alt.value.trim().replace(/\]/g, '') + '](' + chosen.value + ')';
  } else {
    problem.textContent = 'Vælg et billede fra sitet, eller læg et nyt op.';
    chosen.focus();
    return;
  }
  body.setRangeText(markdown, body.selectionStart, body.selectionEnd, 'end');
  document.getElementById('billede-panel').hidden = true;
  document.querySelector('[data-indsaet=billede]').setAttribute('aria-expanded', 'false');
  alt.value = '';
  upload.value = '';
  body.focus();
  changed();
}

let timer;
let asked = 0;
function changed() {
  dirty = true;
  clearTimeout(timer);
  timer = setTimeout(check, 500);
}

async function check() {
  const number = ++asked;
  const data = new URLSearchParams(new FormData(form));
  let answer;
  try {
    const response = await fetch(form.dataset.tjek, { method: 'POST', headers: header, body: data });
    if (!response.ok) return;
    answer = await response.json();
  } catch (e) {
    return; // the preview was stopped; saving will say so
  }
  if (number !== asked) return; // a newer check is on its way
  show(answer);
}

function show(answer) {
  const lists = new Map();
  for (const box of form.querySelectorAll('[data-felt]')) {
    lists.set(box.dataset.felt, box);
    box.querySelector('.felt-fejl').innerHTML = '';
  }
  const general = document.getElementById('fejl-side');
  general.innerHTML = '';
  const invalid = new Set();
  for (const p of answer.problemer) {
    const box = lists.get(p.felt);
    const list = box ? box.querySelector('.felt-fejl') : general;
    list.insertAdjacentHTML('beforeend', p.html);
    if (box && p.fejl) invalid.add(p.felt);
  }
  for (const [key, box] of lists) {
    const control = box.querySelector('input:not([type=hidden]), select, textarea, fieldset');
    const target = key === 'body' ? body : control;
    if (!target) continue;
    if (invalid.has(key)) target.setAttribute('aria-invalid', 'true');
    else target.removeAttribute('aria-invalid');
  }
  const summary = document.getElementById('problemer');
  let line = summary.querySelector('p');
  if (!line) {
    line = document.createElement('p');
    summary.prepend(line);
  }
  if (line.textContent !== answer.antal) line.textContent = answer.antal; // the live region speaks only when the count changes
  line.className = answer.problemer.some((p) => p.fejl) ? 'fejl' : answer.problemer.length ? 'advarsel' : '';
  const frame = document.getElementById('visning');
  if (frame && answer.visning) frame.srcdoc = answer.visning;
  const title = document.getElementById('side-titel');
  if (title && form.elements['f.title']) title.textContent = form.elements['f.title'].value;
}

// Paste from Word, Google Docs, LibreOffice or a web page: the server makes the clipboard's HTML
// the content format's Markdown and says what it changed or left out. Plain text pastes as it is.
function wordPaste() {
  const report = document.getElementById('word-rapport');
  body.addEventListener('paste', async (event) => {
    const html = event.clipboardData ? event.clipboardData.getData('text/html') : '';
    if (!html || !form.dataset.word) return;
    event.preventDefault();
    const plain = event.clipboardData.getData('text/plain');
    const start = body.selectionStart;
    const end = body.selectionEnd;
    const data = new FormData();
    data.append('html', html);
    if (form.elements.fil) data.append('fil', form.elements.fil.value);
    let answer = null;
    try {
      const response = await fetch(form.dataset.word, { method: 'POST', headers: header, body: data });
      if (response.ok) answer = await response.json();
    } catch (e) {
      answer = null;
    }
    report.replaceChildren();
    const lines = answer ? answer.rapport.slice() : ['Teksten kunne ikke laves om til Markdown; den er sat ind som ren tekst.'];
    body.setRangeText(answer ? answer.markdown : plain, start, end, 'end');
    if (lines.length) {
      const heading = document.createElement('p');
      heading.textContent = 'Sat ind fra Word:';
      const list = document.createElement('ul');
      for (const line of lines) {
        const item = document.createElement('li');
        item.textContent = line;
        list.append(item);
      }
      report.append(heading, list);
    }
    const picture = document.querySelector('[data-indsaet="billede"]');
    if (answer && answer.billeder.length && picture) {
      const upload = document.createElement('button');
      upload.type = 'button';
      upload.textContent = 'Læg de udeladte billeder op med alternativ tekst';
      upload.addEventListener('click', () => picture.click());
      report.append(upload);
    }
    body.dispatchEvent(new Event('input', { bubbles: true }));
    body.focus();
  });
}

if (form) {
  if (body) wordPaste();
  for (const control of form.querySelectorAll('[data-max]')) {
    control.addEventListener('input', () => counter(control));
  }
  listEditors();
  toolbar();
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', () => { dirty = false; });
  window.addEventListener('beforeunload', (event) => {
    if (!dirty) return;
    event.preventDefault();
    event.returnValue = '';
  });
}
