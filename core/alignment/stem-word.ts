// Reduces an English word to a light stem (inflections and a few derivations), fast enough for long sources.
//
// Porter2 (as shipped in wink-eng-lite-web-model) costs tens of microseconds a word, which is most
// of the time of a 50,000-word task; this stemmer only needs to conflate the same way on both sides.

const cache = new Map<string, string>();
const VOWEL = /[aeiouy]/;
const DOUBLE_UNDO = new Set(["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"]);

function hasVowel(s: string): boolean {
  return VOWEL.test(s);
}

function undouble(s: string): string {
  return s.length > 3 && DOUBLE_UNDO.has(s.slice(-2)) ? s.slice(0, -1) : s;
}

// Suffixes removed (or replaced) after inflections, longest first, with the shortest stem they may leave.
const DERIVATIONS: [suffix: string, replacement: string, minStem: number][] = [
  ["ization", "ize", 3],
  ["isation", "ize", 3],
  ["ational", "ate", 3],
  ["ation", "ate", 3],
  ["ement", "", 4],
  ["ment", "", 4],
  ["ness", "", 3],
  ["ity", "", 4],
  ["ily", "y", 3],
  ["ly", "", 4],
];

function stem(word: string): string {
  let s = word;
  if (s.length <= 3) return s;
  // Plurals and third persons.
  if (s.endsWith("ies") && s.length > 4) s = s.slice(0, -3) + "y";
  else if (s.endsWith("sses")) s = s.slice(0, -2);
  else if (/(?:x|ch|sh|z)es$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith("s") && !/(?:ss|us|is)$/.test(s)) s = s.slice(0, -1);
  // Past tenses and participles.
  if (s.endsWith("ied") && s.length > 4) s = s.slice(0, -3) + "y";
  // "died", "lied", "tied": short verbs in -ie.
  else if (s.endsWith("ied")) s = s.slice(0, -1);
  else if (s.endsWith("eed")) s = s.slice(0, -1);
  else if (s.endsWith("ed") && s.length > 4 && hasVowel(s.slice(0, -2))) s = undouble(s.slice(0, -2));
  else if (s.endsWith("ing") && s.length > 5 && hasVowel(s.slice(0, -3))) s = undouble(s.slice(0, -3));
  for (const [suffix, replacement, minStem] of DERIVATIONS) {
    if (s.endsWith(suffix) && s.length - suffix.length >= minStem) {
      s = s.slice(0, -suffix.length) + replacement;
      break;
    }
  }
  // "create", "created", "creation" all end as "creat".
  if (s.endsWith("e") && s.length > 3) s = s.slice(0, -1);
  return s;
}

/** Returns the light stem of a lower-case word ("nominated", "nomination" → "nominat"), memoised. */
export function stemWord(word: string): string {
  let result = cache.get(word);
  if (result === undefined) {
    result = stem(word);
    if (cache.size > 200_000) cache.clear();
    cache.set(word, result);
  }
  return result;
}
