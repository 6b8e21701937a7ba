// Offer filters: narrows /tilbud/ on the page, keeps the choice in the URL, announces the count.
// Without JavaScript the form stays hidden and the static facet pages do the same job.

const FILTERS = ['alder', 'maalgruppe', 'omraade', 'visitation'];

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

function start() {
  const form = document.getElementById('filtre');
  const list = document.getElementById('tilbudsliste');
  const count = document.getElementById('antal');
  const tags = document.getElementById('valgte-filtre');
  if (!form || !list || !count || !tags) return;
  form.hidden = false;

  const apply = (chosen) => {
    for (const box of form.querySelectorAll('input[type=checkbox]')) {
      box.checked = (chosen[box.name] || []).includes(box.value);
    }
    let shown = 0;
    for (const item of list.children) {
      const ok = matches(item.dataset, chosen);
      item.hidden = !ok;
      if (ok) shown++;
    }
    count.textContent = shown === 1 ? '1 tilbud vises' : `${shown} tilbud vises`;
    renderTags(chosen);
  };

  const renderTags = (chosen) => {
    tags.replaceChildren();
    const boxes = [...form.querySelectorAll('input[type=checkbox]:checked')];
    tags.hidden = boxes.length === 0;
    for (const box of boxes) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = `Fjern: ${form.querySelector(`label[for="${box.id}"]`).textContent.replace(/ \(\d+\)$/, '')}`;
      button.addEventListener('click', () => {
        box.checked = false;
        update();
        count.focus?.();
      });
      tags.append(button);
    }
    if (boxes.length > 0) {
      const clear = document.createElement('button');
      clear.type = 'button';
      clear.textContent = 'Ryd filtre';
      clear.addEventListener('click', () => {
        for (const box of boxes) box.checked = false;
        update();
      });
      tags.append(clear);
    }
  };

  const update = () => {
    const params = new URLSearchParams(new FormData(form));
    const query = params.toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
    apply(chosenFrom(query));
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update();
  });
  form.addEventListener('change', update);
  apply(chosenFrom(location.search));
}

if (typeof document !== 'undefined') start();
