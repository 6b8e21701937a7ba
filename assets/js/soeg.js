// Site search in the browser, over the index the build exports from Lucene (docs/soegning.md).
// Interface (interfaces.md): search(query, {filters, limit}) → Promise<{total, results}>.
// Ranking: BM25 exactly as Lucene computes it, from the exported frequencies, norms and
// collection statistics; prefix and typo matches count a fixed share of an exact match.
import { tokenize, lowercase, normalize, isStopWord, stem, fold } from './analyse.js';

/** Share of an exact match's score that a completion of the word being typed gets. */
export const PREFIX_SHARE = 0.7;
/** Share for a match one or two edits away (index = edits). */
export const TYPO_SHARE = [1, 0.5, 0.35];
const MIN_PREFIX = 3;
const MAX_COMPLETIONS = 12;
/** Shards read for the completions of a short prefix, at most: about 8 KB of terms, fetched only as far as the prefix's terms go. */
const PREFIX_SHARDS = 4;
const MAX_ENDING = 4;
const MAX_TYPOS = 4;
const SUFFIX_WORDS = new Set(('bar bare else ende ender endes ene ens hed heden heder hederne heds ige ing inger ingen ' +
  'ingerne ings let lig lige ligere lighed ligheden ligheder lighederne ligheds ligst ligste ligt ret sen ser ses set ' +
  'skab skaber skabet skabs').split(' '));

const f32 = Math.fround;
let base = null; // the site's soeg/, beside this module's js/

let load = fetchInflated;
let cache = new Map();

/**
 * Where the index lives and how its files are read (the tests read them from disk):
 * {@code loader(path, dictionary, range)} resolves to the file's bytes, or to bytes
 * {@code range[0]} up to {@code range[1]} of it when a range is given, inflated with the preset
 * dictionary when one is given.
 */
export function configure({ indexUrl, loader } = {}) {
  if (indexUrl) base = new URL(indexUrl);
  if (loader) load = loader;
  cache = new Map();
}

/** A file of soeg/, or a byte range of it, inflated; {@code dictionary}: the preset dictionary it was compressed with. */
async function fetchInflated(path, dictionary, range) {
  base ??= new URL('../soeg/', import.meta.url);
  const response = await fetch(new URL(path, base), range ? { headers: { Range: `bytes=${range[0]}-${range[1] - 1}` } } : {});
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  let body = response.body;
  // a server that does not serve ranges sends the whole file (200): its part is cut out here
  if (range && response.status !== 206) body = new Blob([(await response.arrayBuffer()).slice(range[0], range[1])]).stream();
  if (dictionary?.length) {
    // DecompressionStream takes no dictionary: put it before the file as a stored block, then cut it off
    const n = dictionary.length;
    const stored = new Uint8Array([0, n & 255, n >> 8, ~n & 255, (~n >> 8) & 255]);
    body = new Blob([stored, dictionary, await new Response(body).arrayBuffer()]).stream();
  }
  const out = new Uint8Array(await new Response(body.pipeThrough(new DecompressionStream('deflate-raw'))).arrayBuffer());
  return dictionary?.length ? out.subarray(dictionary.length) : out;
}

function once(key, make) {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key);
}

const utf8 = new TextDecoder();
const json = (bytes) => JSON.parse(utf8.decode(bytes));

function directory() {
  return once('dir', async () => {
    const dir = json(await load('indeks.bin'));
    const k1 = f32(dir.k1);
    const b = f32(dir.b);
    dir.fields = dir.fields.map((field) => {
      const avgdl = f32(field.sumTotalTermFreq / field.docCount);
      const normInverse = new Float64Array(256);
      for (let i = 0; i < 256; i++) {
        normInverse[i] = f32(1 / f32(k1 * f32(f32(1 - b) + f32(f32(b * lengthOfNorm(i)) / avgdl))));
      }
      return { ...field, normInverse };
    });
    dir.prior = new Float64Array(dir.docs);
    let at = 0;
    for (const [value, count] of dir.priors) dir.prior.fill(value, at, at += count);
    dir.members = new Map(dir.synonyms.map(([terms, groups]) => [terms.join(' '), groups]));
    dir.longestMember = Math.max(0, ...dir.synonyms.map(([terms]) => terms.length));
    return dir;
  });
}

/** The field length a norm byte stands for (Lucene's SmallFloat.byte4ToInt). */
export function lengthOfNorm(norm) {
  if (norm < 24) return norm;
  const i = norm - 24;
  const bits = i & 7;
  const shift = (i >>> 3) - 1;
  return 24 + (shift === -1 ? bits : (bits | 8) * 2 ** shift);
}

// ---- reading the files ----

class Reader {
  constructor(bytes) {
    this.bytes = bytes;
    this.at = 0;
  }

  varint() {
    let value = 0;
    let scale = 1;
    let b;
    do {
      b = this.bytes[this.at++];
      value += (b & 0x7f) * scale;
      scale *= 128;
    } while (b >= 0x80);
    return value;
  }

  string() {
    const n = this.varint();
    const s = utf8.decode(this.bytes.subarray(this.at, this.at + n));
    this.at += n;
    return s;
  }
}

/** A term's documents and the combination each has, read from the shard or the term's own file. */
function readPostings(entry, r) {
  entry.docs = new Int32Array(entry.df);
  entry.comboOf = new Uint32Array(entry.df);
  let doc = 0;
  for (let d = 0; d < entry.df; d++) {
    doc += r.varint();
    entry.docs[d] = doc;
    if (entry.combos.length > 1) entry.comboOf[d] = r.varint();
  }
  return entry;
}

async function postings(entry) {
  if (entry.docs) return entry;
  // terms with the same postings share one file: read it once, for whichever term comes first
  const read = await once(`p${entry.file}${entry.combos.length > 1 ? '+' : ''}`, async () => readPostings({ ...entry }, new Reader(await load(`p/${entry.file}.bin`))));
  entry.docs = read.docs;
  entry.comboOf = read.comboOf;
  return entry;
}

/** A term shard: term → {forms, fields, fieldDocs, sharedNorms, combos, df, and postings or the file that has them}. */
function shard(i) {
  return once(`t${i}`, async () => {
    const dir = await directory();
    const r = new Reader(await load(`t/${dir.shardFiles[i]}.bin`));
    r.at = 1;
    const count = r.varint();
    const terms = new Map();
    let previous = '';
    for (let t = 0; t < count; t++) {
      const term = previous.slice(0, r.varint()) + r.string();
      previous = term;
      const forms = [];
      for (let n = r.varint(); n > 0; n--) forms.push(term.slice(0, r.varint()) + r.string());
      const mask = r.varint();
      const fields = [];
      for (let f = 0; f < dir.fields.length; f++) if (mask & (1 << f)) fields.push(f);
      const fieldDocs = fields.map(() => r.varint());
      const sharedNorms = r.varint() === 1; // norms are in the norm files, not here
      const combos = [];
      for (let n = r.varint(); n > 0; n--) {
        combos.push(fields.map(() => {
          const freq = r.varint();
          return freq > 0 ? [freq, sharedNorms ? -1 : r.bytes[r.at++]] : null;
        }));
      }
      const entry = { term, forms, fields, fieldDocs, sharedNorms, combos, df: r.varint(), docs: null, comboOf: null, impacts: null };
      if (r.varint() === 1) entry.file = r.string(); // postings in a file of their own
      else readPostings(entry, r);
      terms.set(term, entry);
    }
    return { terms, sorted: [...terms.keys()] };
  });
}

/** Lucene's BM25 weight (boost · idf) of the term in each of its fields. */
function weights(entry, dir) {
  return entry.fields.map((f, i) => {
    const field = dir.fields[f];
    const df = entry.fieldDocs[i];
    const idf = f32(Math.log(1 + (field.docCount - df + 0.5) / (df + 0.5)));
    return f32(f32(field.weight) * idf);
  });
}

/** A term's score in a document: BM25 in each field, as Lucene's float arithmetic, summed over the fields. */
function score(entry, dir, combo, weightOf, normOf) {
  let sum = 0;
  combo.forEach((hit, i) => {
    if (!hit) return;
    const weight = weightOf[i];
    const normInverse = dir.fields[entry.fields[i]].normInverse[normOf(hit, i)];
    sum += f32(weight - f32(weight / f32(1 + f32(hit[0] * normInverse))));
  });
  return f32(sum);
}

/** What each combination of (frequency, norm) per field scores, for a term with norms in its postings. */
function impacts(entry, dir) {
  if (!entry.impacts) {
    const weightOf = weights(entry, dir);
    entry.impacts = entry.combos.map((combo) => score(entry, dir, combo, weightOf, (hit) => hit[1]));
  }
  return entry.impacts;
}

/** One field's norm of every document (for terms in very many documents). */
function norms(field) {
  return once(`n${field}`, async () => load(`n/${(await directory()).norms[field]}.bin`));
}

/** Every posting's score, for a term whose norms are in the norm files. */
async function sharedNormScores(entry, dir) {
  const fieldNorms = await Promise.all(entry.fields.map((f) => norms(f)));
  const weightOf = weights(entry, dir);
  const out = new Float64Array(entry.docs.length);
  for (let d = 0; d < entry.docs.length; d++) {
    const doc = entry.docs[d];
    out[d] = score(entry, dir, entry.combos[entry.comboOf[d]], weightOf, (hit, i) => fieldNorms[i][doc]);
  }
  return out;
}

function shardIndexFor(dir, term) {
  let lo = 0;
  let hi = dir.shardTerms.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (dir.shardTerms[mid] <= term) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

async function lookup(term) {
  const dir = await directory();
  if (dir.shardTerms.length === 0) return null;
  return (await shard(shardIndexFor(dir, term))).terms.get(term) || null;
}

/**
 * Terms that complete {@code prefix} (folded, as typed), most frequent first. {@code whole}: the
 * typed word is itself a term, so no shorter term needs to be looked for.
 */
async function completions(prefix, whole) {
  const dir = await directory();
  if (dir.shardTerms.length === 0) return [];
  const found = new Map();
  // a term shorter than what is typed completes it through a longer written form ("pårørend" → paror,
  // written "pårørende"); the typed part past the term is at most an ending's first letters
  for (let n = Math.max(MIN_PREFIX, prefix.length - MAX_ENDING); n < prefix.length && !whole; n++) {
    const entry = await lookup(prefix.slice(0, n));
    if (entry && entry.forms.some((form) => form.startsWith(prefix))) found.set(entry.term, entry);
  }
  const start = shardIndexFor(dir, prefix);
  for (let i = start; i < dir.shardTerms.length && i < start + PREFIX_SHARDS; i++) {
    if (i > start && !(dir.shardTerms[i] < `${prefix}\uffff`)) break; // this shard starts after the prefix's terms
    const { sorted, terms } = await shard(i);
    for (const term of sorted) if (term.startsWith(prefix)) found.set(term, terms.get(term));
  }
  return [...found.values()].sort((a, b) => b.df - a.df || (a.term < b.term ? -1 : 1))
    .slice(0, MAX_COMPLETIONS);
}

/** The vocabulary of one first letter: terms, how often each is used, how each is written. */
function letter(term) {
  return once(`o${letterOf(term)}`, async () => {
    const dir = await directory();
    const words = { terms: [], display: [], docs: [], forms: [], formTerms: [], modifiers: [] };
    const file = dir.letters[letterOf(term)];
    if (file) {
      const r = new Reader(await load(`o/${file}.bin`));
      r.at = 1;
      let previous = '';
      let previousDisplay = '';
      for (let n = r.varint(), i = 0; i < n; i++) {
        const t = previous.slice(0, r.varint()) + r.string();
        words.terms.push(t);
        words.docs.push(r.varint());
        const display = previousDisplay.slice(0, r.varint()) + r.string();
        words.display.push(display);
        for (let k = r.varint(); k > 0; k--) {
          words.forms.push(t.slice(0, r.varint()) + r.string());
          words.formTerms.push(i);
        }
        previous = t;
        previousDisplay = display;
      }
      previous = '';
      for (let n = r.varint(); n > 0; n--) {
        previous = previous.slice(0, r.varint()) + r.string();
        words.modifiers.push(previous);
      }
    }
    return { ...words, formSet: new Set(words.forms), termSet: new Set(words.terms), modifierSet: new Set(words.modifiers) };
  });
}

function letterOf(term) {
  const c = term.charAt(0);
  return c >= 'a' && c <= 'z' ? c : '_';
}

function filterList(key) {
  return once(`f${key}`, async () => {
    const dir = await directory();
    const file = dir.filters[key];
    if (!file) return new Set();
    const r = new Reader(await load(`f/${file}.bin`));
    const out = new Set();
    let doc = 0;
    for (let n = r.varint(); n > 0; n--) out.add(doc += r.varint());
    return out;
  });
}

function documentOf(id) {
  return once(`d${id}`, async () => {
    const dir = await directory();
    const b = Math.floor(id / dir.blockSize);
    const file = `d/${dir.blocks[b]}.bin`;
    const [dictionary, offsets] = await Promise.all([
      once('dictionary', () => load(`d/${dir.dictionary}.bin`)),
      once(`b${b}`, () => blockOffsets(file, Math.min(dir.blockSize, dir.docs - b * dir.blockSize)))]);
    const i = id - b * dir.blockSize;
    return json(await load(file, dictionary, [offsets.getUint32(4 * i, true), offsets.getUint32(4 * i + 4, true)]));
  });
}

/** Where each of a block's documents begins in its file: the table at its start (a stored deflate block of 4-byte offsets). */
async function blockOffsets(file, count) {
  const table = await load(file, null, [0, 5 + 4 * (count + 1)]);
  return new DataView(table.buffer, table.byteOffset, table.byteLength);
}

// ---- analysis of the query, as the build analyses pages ----

/** The words of a query: each as written (normalised) and as its term; stop words left out. */
export function queryWords(query) {
  return tokenize(query).map((t) => normalize(lowercase(t)))
    .filter((w) => !isStopWord(w))
    .map((written) => ({ written, term: fold(stem(written)) }));
}

/** Splits a word the index does not know into parts it does, as the build's CompoundSplitter. */
export async function compoundParts(word) {
  if (word.length < 6 || !/^\p{L}+$/u.test(word)) return [];
  const known = new Map();
  const isModifier = async (part) => (await letter(fold(part))).modifierSet.has(fold(part));
  const isKnown = async (part) => {
    if (!known.has(part)) {
      let ok = false;
      if (!isStopWord(part)) {
        const folded = fold(part);
        const words = await letter(folded);
        ok = words.formSet.has(folded) || (part.length >= 6 && words.termSet.has(fold(stem(part))));
      }
      known.set(part, ok);
    }
    return known.get(part);
  };
  const n = word.length;
  const fewest = new Array(n + 1).fill(0);
  const end = new Array(n + 1).fill(0);
  const skip = new Array(n + 1).fill(0);
  for (let i = n - 3; i >= 0; i--) {
    for (let j = n; j >= i + 3; j--) {
      if (i === 0 && j === n) continue;
      const rest = j === n ? 0 : fewest[j];
      if (j < n && rest === 0) continue;
      const part = word.slice(i, j);
      let linking = -1;
      if (j === n) {
        if (!SUFFIX_WORDS.has(fold(part)) && await isKnown(part)) linking = 0;
      } else if (await isKnown(part) || await isModifier(part)) {
        linking = 0;
      } else if ('se'.includes(word[j - 1]) && j - 1 - i >= 3 && await isKnown(word.slice(i, j - 1))) {
        linking = 1;
      }
      if (linking >= 0 && (fewest[i] === 0 || rest + 1 < fewest[i])) {
        fewest[i] = rest + 1;
        end[i] = j;
        skip[i] = linking;
      }
    }
  }
  if (fewest[0] === 0) return [];
  const parts = [];
  for (let i = 0; i < n; i = end[i]) parts.push(word.slice(i, end[i] - skip[i]));
  return parts;
}

/** Edit distance with transpositions, or max + 1 once it must exceed max. */
export function distance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = null;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length];
}

/** Edits allowed for a word of this many letters: none below 5, one up to 8, two from 9. */
export function editsAllowed(length) {
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/** Terms whose written form is within {@code max} edits of the word (first letter fixed), nearest first. */
async function nearTerms(written, max) {
  if (max === 0) return [];
  const folded = fold(written);
  const words = await letter(folded);
  const best = new Map();
  words.forms.forEach((form, i) => {
    const d = distance(folded, form, max);
    if (d === 0 || d > max) return;
    const t = words.formTerms[i];
    if (!best.has(t) || best.get(t) > d) best.set(t, d);
  });
  return [...best].map(([t, d]) => ({ term: words.terms[t], display: words.display[t], docs: words.docs[t], edits: d }))
    .sort((a, b) => a.edits - b.edits || b.docs - a.docs || (a.term < b.term ? -1 : 1)).slice(0, MAX_TYPOS);
}

// ---- the query ----

/**
 * The clauses of a query: each must match (or, in the fallback, any may); a clause matches
 * through any of its alternatives, each a term with the share of its score that counts.
 */
async function clauses(query, { prefix }) {
  const dir = await directory();
  const words = queryWords(query);
  const typing = prefix && !/\s$/.test(query);
  const out = [];
  const corrections = [];
  for (let i = 0; i < words.length; i++) {
    const last = typing && i === words.length - 1;
    // a synonym of several words stands for its group
    let member = null;
    for (let n = Math.min(dir.longestMember, words.length - i); n >= 1 && !member; n--) {
      const key = words.slice(i, i + n).map((w) => w.term).join(' ');
      if (dir.members.has(key)) member = { n, groups: dir.members.get(key) };
    }
    if (member && member.n > 1) {
      out.push({ words: words.slice(i, i + member.n).map((w) => w.written), alternatives: member.groups.map((term) => ({ term, share: 1 })) });
      i += member.n - 1;
      continue;
    }
    const word = words[i];
    const alternatives = [];
    const exact = await lookup(word.term);
    if (exact) alternatives.push({ term: word.term, share: 1 });
    if (member) for (const term of member.groups) alternatives.push({ term, share: 1 });
    if (last && fold(word.written).length >= MIN_PREFIX) {
      for (const entry of await completions(fold(word.written), Boolean(exact))) {
        if (entry.term !== word.term) alternatives.push({ term: entry.term, share: PREFIX_SHARE });
      }
    }
    if (alternatives.length === 0) {
      // a compound the site does not use: its parts, each adding to the score, the more the better
      const parts = await compoundParts(word.written);
      const known = [];
      for (const p of parts) if (await lookup(fold(stem(p)))) known.push({ term: fold(stem(p)), share: 1 });
      if (known.length > 0) {
        out.push({ words: [word.written], alternatives: known, sum: true });
        continue;
      }
      for (const near of await nearTerms(word.written, editsAllowed(word.written.length))) {
        alternatives.push({ term: near.term, share: TYPO_SHARE[near.edits] });
        if (alternatives.length === 1) corrections.push({ word: word.written, to: near.display });
      }
    }
    if (alternatives.length === 0 && last && word.written.length < MIN_PREFIX) continue; // still being typed
    out.push({ words: [word.written], alternatives });
  }
  return { clauses: out, corrections };
}

/** Each matching document's score for one clause: the best of its alternatives (or their sum, for compound parts). */
async function clauseScores(clause, dir) {
  const scores = new Map();
  for (const { term, share } of clause.alternatives) {
    const entry = await lookup(term);
    if (!entry) continue;
    await postings(entry);
    const perPosting = entry.sharedNorms ? await sharedNormScores(entry, dir) : null;
    const table = entry.sharedNorms ? null : impacts(entry, dir);
    for (let d = 0; d < entry.docs.length; d++) {
      const exact = perPosting ? perPosting[d] : table[entry.comboOf[d]];
      const s = share === 1 ? exact : exact * share;
      const doc = entry.docs[d];
      if (clause.sum) scores.set(doc, (scores.get(doc) || 0) + s);
      else if (!(scores.get(doc) >= s)) scores.set(doc, s);
    }
  }
  return scores;
}

async function allowedDocs(filters = {}) {
  const sets = [];
  const many = (v) => (Array.isArray(v) ? v : [v]).filter((x) => x !== undefined && x !== null && x !== '');
  const union = async (keys) => {
    const out = new Set();
    for (const key of keys) for (const d of await filterList(key)) out.add(d);
    return out;
  };
  if (many(filters.type).length) sets.push(await union(many(filters.type).map((t) => `type:${t}`)));
  if (many(filters.targetGroup).length) sets.push(await union(many(filters.targetGroup).map((g) => `group:${g}`)));
  if (many(filters.age).length) {
    const age = Math.max(0, Math.min(100, Math.floor(Number(many(filters.age)[0]))));
    if (Number.isFinite(age)) sets.push(await filterList(`age:${age}`));
  }
  if (typeof filters.referral === 'boolean') sets.push(await filterList(`referral:${filters.referral ? 'ja' : 'nej'}`));
  if (sets.length === 0) return null;
  sets.sort((a, b) => a.size - b.size);
  return new Set([...sets[0]].filter((d) => sets.every((s) => s.has(d))));
}

/** Documents that match every clause (or, with any = true, at least one), with their scores. */
function combine(perClause, allowed, any, prior) {
  const totals = new Map();
  if (any) {
    perClause.forEach((scores) => scores.forEach((s, d) => totals.set(d, (totals.get(d) || 0) + s)));
  } else if (perClause.length > 0) {
    const order = [...perClause.keys()].sort((a, b) => perClause[a].size - perClause[b].size);
    for (const d of perClause[order[0]].keys()) {
      if (order.every((c) => perClause[c].has(d))) {
        let sum = 0;
        for (const scores of perClause) sum += scores.get(d); // clause order, as Lucene adds them
        totals.set(d, sum);
      }
    }
  }
  const hits = [];
  // Lucene's FunctionScoreQuery: the float sum times the document's prior, as a float
  totals.forEach((s, d) => { if (!allowed || allowed.has(d)) hits.push({ doc: d, score: f32(f32(s) * prior[d]) }); });
  hits.sort((a, b) => b.score - a.score || a.doc - b.doc);
  return hits;
}

/**
 * Searches the site. {@code filters}: {type, targetGroup, age, referral}; {@code prefix}: the
 * last word is still being typed (default: unless the query ends in a space).
 */
export async function search(query, { filters = {}, limit = 10, prefix = true } = {}) {
  const dir = await directory();
  const { clauses: list, corrections } = await clauses(String(query || ''), { prefix });
  const matched = list.filter((c) => c.alternatives.length > 0);
  const empty = { total: 0, results: [], anyWord: false, corrections, suggestion: null };
  if (list.length === 0) return empty;
  const allowed = await allowedDocs(filters);
  const perClause = await Promise.all(matched.map((c) => clauseScores(c, dir)));
  let anyWord = false;
  let hits = matched.length === list.length ? combine(perClause, allowed, false, dir.prior) : [];
  if (hits.length === 0 && list.length > 1 && matched.length > 0) {
    anyWord = true;
    hits = combine(perClause, allowed, true, dir.prior);
  }
  if (hits.length === 0) return { ...empty, suggestion: await suggestion(list) };
  const shown = hits.slice(0, limit);
  const marks = await markTerms(matched);
  const results = await Promise.all(shown.map(async ({ doc, score }) => {
    const d = await documentOf(doc);
    return { url: d.url, title: d.title, summary: d.summary, excerpt: excerpt(d, marks), type: d.type, score, doc };
  }));
  return { total: hits.length, results, anyWord, corrections, suggestion: null };
}

/** "Mente du …?": the query with each word that found nothing replaced by the nearest known word. */
async function suggestion(list) {
  let changed = false;
  const words = [];
  for (const clause of list) {
    if (clause.alternatives.length > 0 || clause.words.length !== 1) {
      words.push(...clause.words);
      continue;
    }
    const [near] = await nearTerms(clause.words[0], Math.max(1, editsAllowed(clause.words[0].length)) + 1);
    if (near) changed = true;
    words.push(near ? near.display : clause.words[0]);
  }
  return changed ? words.join(' ') : null;
}

// ---- excerpts ----

async function markTerms(matched) {
  const terms = new Set();
  for (const c of matched) for (const a of c.alternatives) if (!a.term.startsWith('=')) terms.add(a.term);
  return terms;
}

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function isMatch(word, terms) {
  const written = normalize(lowercase(word));
  if (isStopWord(written)) return false;
  if (terms.has(fold(stem(written)))) return true;
  const folded = fold(written);
  for (const t of terms) if (t.length >= 4 && folded.includes(t)) return true; // a compound part
  return false;
}

/**
 * About 30 words of the document around its first matching word, as HTML: the text escaped,
 * the matching words in {@code <mark>}. Without a match in the text, the summary.
 */
export function excerpt(doc, terms, size = 30) {
  for (const source of [doc.text || '', doc.summary || '']) {
    const words = [...source.matchAll(/[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu)];
    const first = words.findIndex((m) => isMatch(m[0], terms));
    if (first < 0) continue;
    const from = Math.max(0, first - 8);
    const to = Math.min(words.length, from + size);
    const start = from === 0 ? 0 : words[from].index;
    const stop = to < words.length ? words[to - 1].index + words[to - 1][0].length : source.length;
    let html = from > 0 ? '…' : '';
    let at = start;
    for (let i = from; i < to; i++) {
      const m = words[i];
      html += escapeHtml(source.slice(at, m.index));
      html += isMatch(m[0], terms) ? `<mark>${escapeHtml(m[0])}</mark>` : escapeHtml(m[0]);
      at = m.index + m[0].length;
    }
    html += escapeHtml(source.slice(at, stop)) + (to < words.length ? '…' : '');
    return html;
  }
  return escapeHtml(doc.summary || '');
}
