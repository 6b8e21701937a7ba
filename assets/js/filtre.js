// Offer filters: narrows /tilbud/ on the page, keeps the choice in the URL, announces the count.
// The filters sit in one panel (a <details>) that shows how many are chosen; each chosen filter
// is a button above the results that removes it. A short list is narrowed in the page. A long
// list has pages of its own (/tilbud/side/2/ ...): then the filters read every offer from the
// compact offers file the form names (fetched once, when first needed) and show the matches
// PAGE at a time. Without JavaScript the form stays hidden and the panel holds the static
// facet pages' links, which do the same job.

const FILTERS = ['alder', 'maalgruppe', 'omraade', 'visitation'];
export const PAGE = 50;

/** Whether an offer (its data-* values) matches every chosen filter: any value within a kind, all kinds together. */
export function matches(data, chosen) {
  return FILTERS.every((kind) => {
    const wanted = chosen[kind] || [];
    if (wanted.length === 0) return true;
    const have = (data[kind] || '').split(' ');
    return wanted.some((value) => have.includes(value));
  });
}

/** The chosen filters of a query string, e.g. "?alder=6-12&maalgruppe=autisme". */
export function chosenFrom(search) {
  const chosen = {};
  for (const kind of FILTERS) chosen[kind] = [];
  for (const pair of search.replace(/^\?/, '').split('&')) {
    const [key, value = ''] = pair.split('=').map((part) => decodeURIComponent(part.replace(/\+/g, ' ')));
    if (chosen[key] && value) chosen[key].push(value);
  }
  return chosen;
}

/** One row of the offers file (site.OfferData) as an offer with the data-* values of a card. */
export function offerOf(row) {
  const [slug, title, summary, age, visitation, alder, maalgruppe, omraade] = row;
  return { slug, title, summary, age, visitation, alder, maalgruppe, omraade };
}

/** The offers of the file that match the chosen filters, in the file's order. */
export function matching(rows, chosen) {
  const out = [];
  for (const row of rows) {
    const offer = offerOf(row);
    if (matches(offer, chosen)) out.push(offer);
  }
  return out;
}

/** What the count line says: every match shown, or how many match and how many are shown. */
export function countText(total, shown) {
  if (total === shown) return total === 1 ? '1 tilbud vises' : `${total} tilbud vises`;
  return `${total} tilbud passer. ${shown} vises`;
}

let offersFile = null;
function offers(url) {
  if (offersFile) return offersFile;
  offersFile = fetch(url).then((response) => {
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  }).then((data) => data.offers).catch((error) => {
    offersFile = null; // a later choice tries again
    throw error;
  });
  return offersFile;
}

function element(name, attributes = {}, ...children) {
  const e = document.createElement(name);
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

/** A card as the templates write it (layout.ftlh, offerList), with the heading level of the page's own cards. */
function card(offer, path, heading) {
  return element('li', { class: 'kort' },
    element(heading, {}, element('a', { href: `${path}${offer.slug}/` }, offer.title)),
    element('p', {}, offer.summary),
    element('p', { class: 'fakta-linje' }, element('span', {}, offer.age), ' · ',
      element('span', {}, offer.visitation === 'ja' ? 'Kræver visitation' : 'Uden visitation')));
}

function start() {
  const form = document.getElementById('filtre');
  const list = document.getElementById('tilbudsliste');
  const count = document.getElementById('antal');
  const tags = document.getElementById('valgte-filtre');
  if (!form || !list || !count || !tags) return;
  const panel = document.getElementById('filterpanel');
  const summary = panel?.querySelector('summary');
  const chosenCount = document.getElementById('valgt-antal');
  const pages = document.querySelector('nav.sider');
  const links = document.getElementById('genveje');
  form.hidden = false;
  if (links) links.hidden = true; // the form does what the links do; they stay for browsers without JavaScript

  const dataUrl = form.dataset.tilbud;
  const path = form.dataset.sti || '';
  const own = [...list.children];
  const ownCount = count.textContent;
  const heading = (list.querySelector('.kort > h2, .kort > h3, .kort > h4')?.tagName || 'H3').toLowerCase();
  const more = element('button', { type: 'button', class: 'vis-flere', hidden: '' }, 'Vis flere tilbud');
  list.after(more);
  let found = [];
  let shown = 0;
  let asked = 0;

  const boxes = () => [...form.querySelectorAll('input[type=checkbox]')];
  const labelOf = (box) => form.querySelector(`label[for="${box.id}"]`).textContent.replace(/\s*\(\d+\)\s*$/, '').trim();

  const showMore = () => {
    const next = found.slice(shown, shown + PAGE);
    const items = next.map((offer) => card(offer, path, heading));
    list.append(...items);
    shown += next.length;
    more.hidden = shown >= found.length;
    count.textContent = countText(found.length, shown);
    return items;
  };

  const narrow = async (chosen, none) => {
    const ticket = ++asked;
    if (none) {
      list.replaceChildren(...own);
      for (const item of own) item.hidden = false;
      if (pages) pages.hidden = false;
      more.hidden = true;
      count.textContent = ownCount;
      return;
    }
    if (!dataUrl) {
      let visible = 0;
      for (const item of own) {
        item.hidden = !matches(item.dataset, chosen);
        if (!item.hidden) visible++;
      }
      count.textContent = countText(visible, visible);
      return;
    }
    let rows;
    try {
      rows = await offers(dataUrl);
    } catch (error) {
      if (ticket !== asked) return;
      count.textContent = 'Filtrene kunne ikke hentes lige nu. Brug siderne og linkene under "Filtrer".';
      if (links) links.hidden = false;
      return;
    }
    if (ticket !== asked) return; // a newer choice has been made meanwhile
    found = matching(rows, chosen);
    shown = 0;
    if (pages) pages.hidden = true;
    list.replaceChildren();
    showMore();
  };

  const renderTags = (focusAt) => {
    tags.replaceChildren();
    const checked = boxes().filter((box) => box.checked);
    tags.hidden = checked.length === 0;
    if (chosenCount) chosenCount.textContent = checked.length === 0 ? '' : ` · ${checked.length} valgt`;
    checked.forEach((box, i) => {
      const button = element('button', { type: 'button', class: 'fjern' }, `Fjern filter: ${labelOf(box)}`);
      button.addEventListener('click', () => {
        box.checked = false;
        update(i);
      });
      tags.append(button);
    });
    if (checked.length > 0) {
      const clear = element('button', { type: 'button' }, 'Ryd filtre');
      clear.addEventListener('click', () => {
        for (const box of checked) box.checked = false;
        update(0);
      });
      tags.append(clear);
    }
    if (focusAt !== undefined) {
      // the removed filter's button is gone: focus goes on to the next one, or back to the panel
      const buttons = [...tags.querySelectorAll('button.fjern')];
      (buttons[Math.min(focusAt, buttons.length - 1)] || summary || count).focus();
    }
  };

  const apply = (chosen, focusAt) => {
    for (const box of boxes()) box.checked = (chosen[box.name] || []).includes(box.value);
    renderTags(focusAt);
    return narrow(chosen, FILTERS.every((kind) => chosen[kind].length === 0));
  };

  const update = (focusAt) => {
    const query = new URLSearchParams(new FormData(form)).toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
    return apply(chosenFrom(query), focusAt);
  };

  more.addEventListener('click', () => {
    const added = showMore();
    added[0]?.querySelector('a')?.focus();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update();
    if (panel) panel.open = false;
    summary?.focus();
  });
  form.addEventListener('change', () => update());
  // the offers file is fetched when the panel opens, so that the first choice is answered at once
  panel?.addEventListener('toggle', () => {
    if (panel.open && dataUrl) offers(dataUrl).catch(() => {});
  });
  apply(chosenFrom(location.search));
}

if (typeof document !== 'undefined') start();
