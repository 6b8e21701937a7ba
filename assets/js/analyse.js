// Danish text analysis for search queries, equal to the Lucene 9.12 chain that indexed the pages:
// tokenize → lowercase → normalize → isStopWord → (compound splitting) → stem → fold.
// Rules in docs/soegning-analyse.md. tokenize follows StandardTokenizer's UAX#29 grammar with this
// engine's Unicode tables. Not covered: characters assigned or reclassified after Lucene's tables
// (newer letters and emoji are tokens here and skipped by Lucene), the exact Line_Break=
// Complex_Context set (taken as the letters and marks of Thai, Lao, Myanmar, Khmer, the Tai scripts
// and Ahom) and a lone high surrogate at the very end (Lucene then returns no tokens at all).

const X = '(?:(?!\\u200B)[\\p{Grapheme_Extend}\\p{Mc}\\p{Cf}\\p{Emoji_Modifier}])';
const ext = (c) => `(?:${c}${X}*)`;
const SA = '(?=[\\p{L}\\p{M}])[\\p{sc=Thai}\\p{sc=Laoo}\\p{sc=Mymr}\\p{sc=Khmr}\\p{sc=Tale}\\p{sc=Talu}\\p{sc=Lana}\\p{sc=Tavt}\\p{sc=Ahom}]';
const KANA = '[\\p{sc=Kana}\\u3031-\\u3035\\u309B\\u309C\\u30A0\\u30FC\\uFF70]';
const HEB = '(?=\\p{sc=Hebr})\\p{Lo}';
const L = ext(`(?!${X}|${SA}|${KANA}|[\\p{Ideographic}\\p{sc=Hira}])[\\p{Alphabetic}\\u02C2-\\u02C5\\u02D2-\\u02D7\\u02DE\\u02DF\\u02E5-\\u02EB\\u02ED\\u02EF-\\u02FF\\u055A-\\u055C\\u055E\\u058A\\u05F3\\uA708-\\uA716\\uA720\\uA721\\uA789\\uA78A\\uAB5B]`);
const N = ext('[\\p{Nd}\\u066B]');
const K = ext(KANA);
const U = ext('[\\p{Pc}\\u202F]');
const Q = ".'\\u2018\\u2019\\u2024\\uFE52\\uFF07\\uFF0E";
const ML = ext(`[:\\u00B7\\u0387\\u05F4\\u2027\\uFE13\\uFE55\\uFF1A${Q}]`);
const MN = ext(`[,;\\u037E\\u0589\\u060C\\u060D\\u066C\\u07F8\\u2044\\uFE10\\uFE14\\uFE50\\uFE54\\uFF0C\\uFF1B${Q}]`);
// A Hebrew letter that can start a quote rule is left to it, so that the match is the longest.
const HQ = `${ext(HEB)}(?:${ext("'")}|${ext('"')}${ext(HEB)})`;
const CORE = `(?:${K}(?:${U}*${K})*|(?:${HQ}|${N}(?:(?:${U}*|${MN})${N})*|${L}(?:${ML}${L}|${U}*(?!${HQ})${L})*)+)`;
const WORD = `${U}*${CORE}(?:${U}+${CORE})*${U}*`;

// Emoji sequences as Lucene's grammar has them (UTS #51). A joiner that leads to another emoji
// is left to the sequence rather than taken as an extending character, so the match is the longest.
const EMOD = '\\p{Emoji_Modifier}';
const EC = `(?:\\p{Extended_Pictographic}|(?![\\p{Regional_Indicator}0-9#*\\u00A9\\u00AE\\u2122\\u3030\\u303D]|${EMOD})\\p{Emoji})`;
const X1 = `(?:(?![\\uFE0E\\uFE0F])${X})*`;
const X0 = `(?:(?!\\u200D+${EC}|[\\uFE0E\\uFE0F])${X})*`;
const ONE = `(?:\\u200D*${EC}${X0}\\uFE0F?|${EMOD}${X0})`;
const RI = ext('\\p{Regional_Indicator}');
const EMOJI = `${ONE}(?:[\\u{E0020}-\\u{E007E}]+\\u{E007F}|(?:\\u200D${ONE})*)|[0-9#*]${X1}\\uFE0F?\\u20E3${X1}|${RI}${RI}`;

const RULES = [WORD, EMOJI, `(?:${ext(SA)})+`, ext('\\p{sc=Han}'), ext('\\p{sc=Hira}')].map((r) => new RegExp(r, 'uy'));
const MAX = 255;

function longest(text, at) {
  let len = 0;
  for (const rule of RULES) {
    rule.lastIndex = at;
    const m = rule.exec(text);
    if (m && m[0].length > len) len = m[0].length;
  }
  return len;
}

/** Words as Lucene's StandardTokenizer splits text; longer tokens are cut at 255 chars like Lucene's. */
export function tokenize(text) {
  const tokens = [];
  for (let i = 0; i < text.length;) {
    let len = longest(text, i);
    if (len > MAX) len = longest(text.slice(i, i + MAX), 0);
    if (len > 0) {
      tokens.push(text.slice(i, i + len));
      i += len;
    } else {
      i += text.codePointAt(i) > 0xffff ? 2 : 1;
    }
  }
  return tokens;
}

/** Character.toLowerCase per code point: no İ → i̇, no final sigma. */
export const lowercase = (token) => token.replace(/[\u0130\u03A3]/g, (c) => (c === '\u0130' ? 'i' : '\u03C3')).toLowerCase();

const upper = (c) => c === c.toUpperCase();

/** ScandinavianNormalizationFilter: ä/ö → æ/ø; aa, ao → å; ae → æ; oe, oo → ø; left to right, pairs never overlap. */
export const normalize = (token) => token.replace(/[äÄöÖ]|[aA][aAoOeE]|[oO][eEoO]/g, (m) =>
  m.length === 1 ? 'æÆøØ'['äÄöÖ'.indexOf(m)]
    : (/[oO]/.test(m[0]) ? 'øØ' : /[eE]/.test(m[1]) ? 'æÆ' : 'åÅ')[upper(m[0]) ? 1 : 0]);

/** ScandinavianFoldingFilter: å, ä, æ → a; ø, ö → o; aa, ae, ao → a; oe, oo → o (case kept). */
export const fold = (token) => token.replace(/[åäæÅÄÆøöØÖ]|([aA])[aAeEoO]|([oO])[eEoO]/g, (m, a, o) =>
  a || o || 'aaaAAAooOO'['åäæÅÄÆøöØÖ'.indexOf(m)]);

// DanishAnalyzer.getDefaultStopSet(), each word normalised (none changes).
const STOP = new Set(('ad af alle alt anden at blev blive bliver da de dem den denne der deres det dette dig din disse dog du ' +
  'efter eller en end er et for fra ham han hans har havde have hende hendes her hos hun hvad hvis hvor i ikke ind jeg jer ' +
  'jo kunne man mange med meget men mig min mine mit mod ned noget nogle nu når og også om op os over på selv sig sin sine ' +
  'sit skal skulle som sådan thi til ud under var vi vil ville vor være været').split(' '));

export const isStopWord = (token) => STOP.has(token);

// The Snowball Danish stemmer (snowballstem.org/algorithms/danish), as org.tartarus.snowball.ext.DanishStemmer.
const VOWEL = 'aeiouyæåø';
const SUFFIX1 = new Set(('hed ethed ered e erede ende erende ene erne ere en heden eren er heder erer heds es endes erendes ' +
  'enes ernes eres ens hedens erens ers ets erets et eret').split(' '));

/** The longest of the suffixes that ends w and starts at or after p1, or ''. */
function suffixIn(w, p1, max, has) {
  for (let n = Math.min(max, w.length - p1); n > 0; n--) {
    const s = w.slice(w.length - n);
    if (has(s)) return s;
  }
  return '';
}

function consonantPair(w, p1) {
  return /(gd|dt|gt|kt)$/.test(w) && w.length - 2 >= p1 ? w.slice(0, -1) : w;
}

export function stem(word) {
  let w = word;
  let p1 = w.length;
  if (w.length >= 3) {
    let i = 0;
    while (i < w.length && !VOWEL.includes(w[i])) i++;
    while (i < w.length && VOWEL.includes(w[i])) i++;
    if (i < w.length) p1 = Math.max(i + 1, 3);
  }
  const s1 = suffixIn(w, p1, 7, (s) => SUFFIX1.has(s) || s === 's');
  if (s1 !== 's') w = w.slice(0, w.length - s1.length);
  else if ('abcdfghjklmnoprtvyzå'.includes(w[w.length - 2])) w = w.slice(0, -1);
  w = consonantPair(w, p1);
  if (w.endsWith('igst')) w = w.slice(0, -2);
  const s3 = suffixIn(w, p1, 4, (s) => /^(ig|lig|elig|els|løst)$/.test(s));
  if (s3 === 'løst') w = w.slice(0, -1);
  else if (s3) w = consonantPair(w.slice(0, w.length - s3.length), p1);
  const last = w[w.length - 1];
  if (w.length - 1 >= p1 && 'bcdfghjklmnpqrstvwxz'.includes(last) && w[w.length - 2] === last) w = w.slice(0, -1);
  return w;
}
