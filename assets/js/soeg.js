// Site search, in the browser, over the small index the build writes to soeg/indeks.json.
// A first, simple version: words are matched as prefixes after folding case and Danish
// spellings (aa/å, ae/æ, oe/ø); the Lucene-built index of issue 3 will replace the ranking.
// Interface (interfaces.md): search(query, {filters, limit}) → {total, results}.

const WEIGHTS = { title: 5, keywords: 4, summary: 2, text: 1 };
let indexPromise;

/**
 * Lower case, accents dropped, and Scandinavian letters folded the way Lucene's
 * ScandinavianFoldingFilter does (å, æ, aa, ae → a; ø, oe → o), so that "paarorende",
 * "paaroerende" and "pårørende" are one word.
 */
export function fold(text) {
  return text.toLowerCase()
    .replace(/[æäå]/g, 'a').replace(/[øö]/g, 'o')
    .normalize('NFD').replace(/\p{M}+/gu, '')
    .replace(/a[aeo]/g, 'a').replace(/o[eo]/g, 'o');
}

export function words(text) {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/** Score of one document for the query words; 0 when a word matches nowhere (or, with any=true, when none does). */
export function score(doc, queryWords, any = false) {
  let total = 0;
  let matched = 0;
  for (const q of queryWords) {
    let best = 0;
    for (const [field, weight] of Object.entries(WEIGHTS)) {
      const fieldWords = doc._words[field];
      if (fieldWords.some((w) => w === q)) best = Math.max(best, weight * 2);
      else if (fieldWords.some((w) => w.startsWith(q))) best = Math.max(best, weight);
    }
    if (best > 0) matched++;
    else if (!any) return 0;
    total += best;
  }
  return matched > 0 ? total : 0;
}

function prepare(docs) {
  for (const doc of docs) {
    doc._words = {
      title: words(doc.title),
      keywords: words((doc.keywords || []).join(' ')),
      summary: words(doc.summary || ''),
      text: words(doc.text || ''),
    };
  }
  return docs;
}

function passes(doc, filters = {}) {
  if (filters.type && doc.type !== filters.type) return false;
  if (filters.targetGroup && !(doc.targetGroups || []).includes(filters.targetGroup)) return false;
  if (filters.age !== undefined && filters.age !== null && filters.age !== '') {
    const age = Number(filters.age);
    if (doc.ageMin === undefined || age < doc.ageMin || (doc.ageMax !== undefined && doc.ageMax !== null && age > doc.ageMax)) return false;
  }
  if (filters.referral !== undefined && doc.referral !== filters.referral) return false;
  return true;
}

/** Ranks prepared documents; exported for tests that pass their own documents. */
export function rank(docs, query, { filters = {}, limit = 20 } = {}) {
  const queryWords = words(query);
  if (queryWords.length === 0) return { total: 0, results: [], anyWord: false };
  let anyWord = false;
  let hits = docs.filter((d) => passes(d, filters)).map((d) => ({ d, s: score(d, queryWords) })).filter((h) => h.s > 0);
  if (hits.length === 0 && queryWords.length > 1) {
    anyWord = true;
    hits = docs.filter((d) => passes(d, filters)).map((d) => ({ d, s: score(d, queryWords, true) })).filter((h) => h.s > 0);
  }
  hits.sort((a, b) => b.s - a.s || a.d.title.localeCompare(b.d.title, 'da'));
  return {
    total: hits.length,
    anyWord,
    results: hits.slice(0, limit).map(({ d }) => ({ url: d.url, title: d.title, summary: d.summary, excerpt: d.summary, type: d.type })),
  };
}

export async function search(query, options = {}) {
  indexPromise ??= fetch(new URL('../soeg/indeks.json', import.meta.url)).then((r) => r.json()).then(prepare);
  return rank(await indexPromise, query, options);
}

async function startSearchPage() {
  const list = document.getElementById('search-results');
  const status = document.getElementById('soeg-status');
  const input = document.getElementById('q');
  if (!list || !status || !input) return;
  document.getElementById('soeg-uden-js')?.setAttribute('hidden', '');
  const query = new URLSearchParams(location.search).get('q') || '';
  input.value = query;
  if (!query.trim()) return;
  const { total, results, anyWord } = await search(query);
  list.replaceChildren(...results.map((r) => {
    const li = document.createElement('li');
    li.className = 'kort';
    const h = document.createElement('h2');
    const a = document.createElement('a');
    a.href = r.url;
    a.textContent = r.title;
    h.append(a);
    const p = document.createElement('p');
    p.textContent = r.summary || '';
    li.append(h, p);
    return li;
  }));
  status.textContent = total === 0
    ? `Ingen resultater for »${query}«. Prøv et andet ord, eller se alle tilbud og begreber.`
    : `${total} ${total === 1 ? 'resultat' : 'resultater'} for »${query}«${anyWord ? ' (ingen side har alle ordene; her er sider med nogle af dem)' : ''}`;
}

if (typeof document !== 'undefined' && document.getElementById('search-results')) startSearchPage();
