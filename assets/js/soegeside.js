// The search page /soeg/: searches as you type, keeps the query and filters in the URL,
// announces the result count to screen readers. Without JavaScript the page explains itself.
import { search } from './soeg.js';

const TYPE_NAMES = {
  tilbud: 'Tilbud', faq: 'Spørgsmål og svar', plan: 'Plan', handleplan: 'Handleplan', begreb: 'Begreb',
  nyhed: 'Nyhed', maalgruppe: 'Målgruppe', side: 'Side',
};
const TYPE_FILTERS = { plan: ['plan', 'handleplan'] };
const WAIT_MS = 150;

const $ = (id) => document.getElementById(id);

function element(name, attributes = {}, ...children) {
  const e = document.createElement(name);
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

/** The query and filters of the form, as search() takes them and as the URL keeps them. */
function read(form) {
  const data = new FormData(form);
  const value = (name) => String(data.get(name) || '').trim();
  const filters = {};
  if (value('type')) filters.type = TYPE_FILTERS[value('type')] || value('type');
  if (value('maalgruppe')) filters.targetGroup = value('maalgruppe');
  if (/^\d{1,3}$/.test(value('alder'))) filters.age = Number(value('alder'));
  if (value('visitation')) filters.referral = value('visitation') === 'ja';
  const params = new URLSearchParams();
  for (const name of ['q', 'type', 'maalgruppe', 'alder', 'visitation']) if (value(name)) params.set(name, value(name));
  return { query: String(data.get('q') || ''), filters, params };
}

function fill(form, params) {
  for (const name of ['q', 'type', 'maalgruppe', 'alder', 'visitation']) {
    if (form.elements[name] && params.has(name)) form.elements[name].value = params.get(name);
  }
}

/** The filters of the form with one select's value replaced by {@code value}. */
function withValue(filters, name, value) {
  const f = { ...filters };
  if (name === 'type') f.type = TYPE_FILTERS[value] || value;
  if (name === 'maalgruppe') f.targetGroup = value;
  if (name === 'visitation') f.referral = value === 'ja';
  return f;
}

/**
 * Writes beside each value of the selects how many results the query has with it, the other
 * filters as chosen ("Tilbud (12)"); without a query, the plain names. Stops when a newer
 * search has started ({@code current} tells).
 */
async function countPerValue(query, filters, current) {
  for (const select of document.querySelectorAll('#soeg-filtre select')) {
    for (const option of select.options) {
      if (option.dataset.navn === undefined) option.dataset.navn = option.textContent;
      if (!option.value || !query.trim()) {
        option.textContent = option.dataset.navn;
        continue;
      }
      const { total } = await search(query, { filters: withValue(filters, select.name, option.value), limit: 0 });
      if (!current()) return;
      option.textContent = `${option.dataset.navn} (${total})`;
    }
  }
}

function resultItem(r) {
  const excerpt = element('p', { class: 'uddrag' });
  excerpt.innerHTML = r.excerpt; // built from escaped text; only <mark> is markup
  return element('li', { class: 'kort' },
    element('h2', {}, element('a', { href: r.url }, r.title)),
    element('p', { class: 'resultat-type' }, TYPE_NAMES[r.type] || r.type),
    excerpt);
}

/** An empty list is no list (QualWeb's QW-WCAG-T32): the results list stands on the page only while it has results. */
function show(list, items, after) {
  list.replaceChildren(...items);
  if (items.length > 0) after.after(list);
  else list.remove();
}

function countText(total, query) {
  return `${total} ${total === 1 ? 'resultat' : 'resultater'} for »${query.trim()}«`;
}

function start() {
  const form = $('soegeform');
  const list = element('ol', { id: 'search-results', class: 'kortliste' });
  const status = $('soeg-status');
  const notes = $('soeg-noter');
  if (!form || !list || !status) return;
  $('soeg-uden-js')?.setAttribute('hidden', '');
  $('soeg-filtre')?.removeAttribute('hidden');
  fill(form, new URLSearchParams(location.search));
  const panel = $('soeg-filtre');
  const chosen = $('soeg-valgt');
  const showChosen = (params) => {
    const n = ['type', 'maalgruppe', 'alder', 'visitation'].filter((name) => params.has(name)).length;
    if (chosen) chosen.textContent = n === 0 ? '' : ` · ${n} valgt`;
    return n;
  };
  // filters that came with the URL are shown, not hidden in a closed panel
  if (showChosen(new URLSearchParams(location.search)) > 0 && panel) panel.open = true;

  let latest = 0;
  let shown = null;
  async function run() {
    const { query, filters, params } = read(form);
    // the field's change event (on leaving it) must not redraw the same results under the pointer
    const key = `${query}\n${params}`;
    if (key === shown) return;
    shown = key;
    const asked = ++latest;
    showChosen(params);
    const url = params.toString() ? `?${params}` : location.pathname;
    history.replaceState(null, '', url);
    if (!query.trim()) {
      show(list, [], notes);
      notes.replaceChildren();
      status.textContent = '';
      countPerValue(query, filters, () => asked === latest);
      return;
    }
    let answer;
    try {
      answer = await search(query, { filters, limit: 10 });
    } catch (e) {
      if (asked === latest) status.textContent = 'Søgningen kunne ikke hentes. Prøv igen om lidt.';
      return;
    }
    if (asked !== latest) return; // a newer search has started
    show(list, answer.results.map(resultItem), notes);
    const lines = [];
    if (answer.corrections.length > 0) {
      lines.push(element('p', {}, `Vi har også søgt efter ${answer.corrections.map((c) => `»${c.to}«`).join(', ')}.`));
    }
    if (answer.anyWord) lines.push(element('p', {}, 'Ingen sider indeholder alle ordene. Her er sider med nogle af dem.'));
    if (answer.suggestion) {
      const again = new URLSearchParams(params);
      again.set('q', answer.suggestion);
      lines.push(element('p', {}, 'Mente du ', element('a', { href: `?${again}`, id: 'mente-du' }, answer.suggestion), '?'));
    }
    if (answer.total === 0) {
      lines.push(element('p', {}, 'Prøv et andet ord, eller se ',
        element('a', { href: form.dataset.tilbud }, 'alle tilbud'), ' og ',
        element('a', { href: form.dataset.begreber }, 'begreberne A–Å'), '.'));
    }
    notes.replaceChildren(...lines);
    status.textContent = answer.total === 0 ? `Ingen resultater for »${query.trim()}«` : countText(answer.total, query)
      + (answer.total > answer.results.length ? `. Viser de ${answer.results.length} bedste` : '');
    countPerValue(query, filters, () => asked === latest).catch(() => {});
  }

  let timer;
  // the query field is in the header's form, the filters (form="soegeform") in the page: events bubble to each's own ancestor
  for (const target of [form, panel].filter(Boolean)) {
    target.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(run, WAIT_MS);
    });
    target.addEventListener('change', run);
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  document.addEventListener('click', (event) => {
    const link = event.target.closest('#mente-du');
    if (!link) return;
    event.preventDefault();
    fill(form, new URLSearchParams(link.search));
    run();
  });
  if (form.elements.q.value.trim()) run();
}

start();
