// Splits text into sentence spans with fast, predictable rules: lines first, then sentences.
import type { Span } from "../text/types.ts";

/**
 * Abbreviations that precede a name or a number and so never end a sentence
 * ("Dr. Smith", "Gen. Trevilla", "e.g. apples", "vs. Mexico", "Fig. 3").
 */
const NEVER_FINAL = new Set([
  "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "prof", "gen", "col", "lt", "sgt", "capt",
  "cpt", "maj", "adm", "cmdr", "brig", "sen", "rep", "gov", "pres", "rev", "hon", "fr", "supt",
  "insp", "det", "e.g", "i.e", "vs", "cf", "viz", "approx", "fig", "figs", "vol", "vols", "pp",
  "ch", "sec", "art", "para", "ref", "nos", "ed", "eds", "trans", "tel", "ext",
]);

/**
 * Abbreviations that may also end a sentence ("…made in the U.S. The next…"): they end one only
 * when the next word is a usual sentence opener.
 */
const MAYBE_FINAL = new Set([
  "u.s", "u.k", "u.n", "e.u", "u.s.a", "d.c", "etc", "inc", "corp", "ltd", "co", "llc", "plc",
  "jr", "sr", "st", "al", "a.m", "p.m", "ave", "blvd", "rd", "bros", "dept", "est", "no", "jan",
  "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue",
  "tues", "wed", "thu", "thurs", "fri", "sat", "sun",
]);

/** Words that usually open a sentence; after an ambiguous abbreviation they mark a new one. */
const SENTENCE_OPENERS = new Set([
  "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we",
  "i", "you", "there", "here", "but", "and", "so", "yet", "however", "in", "on", "at", "as",
  "if", "when", "while", "after", "before", "then", "also", "his", "her", "their", "our", "my",
  "some", "many", "most", "all", "one", "what", "why", "how", "who", "where", "which", "since",
  "because", "although", "though", "still", "meanwhile", "moreover", "furthermore", "thus",
  "therefore", "for", "with", "from", "by", "to", "not", "now", "today", "yesterday", "last",
  "next", "other", "each", "every", "both", "such", "later", "earlier",
]);

/** Leading list markers that are not part of the sentence: bullets and "1." / "1)". */
const LIST_MARKER = /^(?:[•·\-*–—▪◦‣●○■□➢➤►]|\d{1,3}[.)])[ \t\u00a0]+(?=\S)/;

/** Matches a letter of any script (for tokens before a full stop). */
const LETTER = /\p{L}/u;
const LOWERCASE = /^\p{Ll}/u;
/** Dotted letter groups such as "U.S" or "a.m" (the final dot is not part of the token). */
const DOTTED = /^(?:\p{L}{1,3}\.)+\p{L}{1,3}$/u;

/**
 * Splits `text` (or the part of it within `range`) into sentence spans: UTF-16 offsets into
 * `text`, in order, non-overlapping, trimmed of surrounding whitespace, never empty.
 *
 * A line break always ends a sentence and blank lines are skipped, so every bullet line is a
 * sentence of its own; a leading list marker ("• ", "- ", "1. ") is left out of the span.
 * Within a line a sentence ends after `.`, `?`, `!` or an ellipsis (plus any closing quotes or
 * brackets) followed by whitespace and a word that is not lowercase and not an attribution dash;
 * after a full stop, abbreviations (Dr., Gen., e.g., U.S., Inc., Jan.), initials (J. R. R.) and
 * numbers (3.5, v1.2) are kept inside the sentence.
 *
 * @throws RangeError when `range` is not a span within `text`.
 */
export function splitSentences(text: string, range?: Span): Span[] {
  const start = range ? range.start : 0;
  const end = range ? range.end : text.length;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
    throw new RangeError(`splitSentences: range [${start}, ${end}) is not within a text of length ${text.length}`);
  }
  const spans: Span[] = [];
  let lineStart = start;
  while (lineStart < end) {
    let lineEnd = lineStart;
    while (lineEnd < end && !isLineBreak(text.charCodeAt(lineEnd))) lineEnd++;
    splitLine(text, lineStart, lineEnd, spans);
    lineStart = lineEnd + 1;
  }
  return spans;
}

function splitLine(text: string, from: number, to: number, out: Span[]): void {
  let s = from;
  while (s < to && isSpace(text.charCodeAt(s))) s++;
  let e = to;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (s >= e) return;

  // Only look at the first few characters for a list marker; the regex is anchored.
  const marker = LIST_MARKER.exec(text.slice(s, Math.min(e, s + 12)));
  if (marker) s += marker[0].length;

  let sentenceStart = s;
  let i = s;
  while (i < e) {
    const c = text.charCodeAt(i);
    if (!isTerminator(c)) {
      i++;
      continue;
    }
    const termStart = i;
    while (i < e && isTerminator(text.charCodeAt(i))) i++;
    while (i < e && isCloser(text.charCodeAt(i))) i++;
    const sentenceEnd = i;
    if (sentenceEnd >= e) break;
    const wide = isWideTerminator(text.charCodeAt(sentenceEnd - 1)) || isWideTerminator(c);
    if (!wide && !isSpace(text.charCodeAt(sentenceEnd))) continue;
    let next = sentenceEnd;
    while (next < e && isSpace(text.charCodeAt(next))) next++;
    if (next >= e) break;
    if (!endsSentence(text, sentenceStart, termStart, i, next, e)) continue;
    out.push({ start: sentenceStart, end: sentenceEnd });
    sentenceStart = next;
    i = next;
  }
  out.push({ start: sentenceStart, end: e });
}

/**
 * Decides whether the terminator run at `[termStart, termEnd)` ends a sentence, given that the
 * next word starts at `next`.
 */
function endsSentence(
  text: string,
  sentenceStart: number,
  termStart: number,
  termEnd: number,
  next: number,
  lineEnd: number,
): boolean {
  const nextChar = text.charCodeAt(next);
  // "– U.S. Official" after a quotation is its attribution, not a new sentence.
  if (nextChar === 0x2013 || nextChar === 0x2014 || nextChar === 0x2d) return false;
  const word = nextWord(text, next, lineEnd);
  if (word !== "" && LOWERCASE.test(word)) return false;
  // "?", "!", "..." and "…" end a sentence whenever a capitalised word follows.
  const loneFullStop = termEnd - termStart === 1 && text.charCodeAt(termStart) === 0x2e;
  if (!loneFullStop) return true;

  const token = tokenBefore(text, sentenceStart, termStart);
  if (token === "") return true;
  const lower = token.toLowerCase();
  const nextIsDigit = nextChar >= 0x30 && nextChar <= 0x39;
  if (NEVER_FINAL.has(lower)) return false;
  const initial = token.length === 1 && LETTER.test(token);
  const dotted = DOTTED.test(token);
  if (MAYBE_FINAL.has(lower) || initial || dotted) {
    if (nextIsDigit) return false;
    return SENTENCE_OPENERS.has(word.toLowerCase());
  }
  return true;
}

/** The word ending just before `at` (letters, digits and inner dots), without opening punctuation. */
function tokenBefore(text: string, lowerBound: number, at: number): string {
  let k = at;
  while (k > lowerBound) {
    const ch = text.charCodeAt(k - 1);
    if (isSpace(ch) || isOpener(ch) || ch === 0x2f /* / */) break;
    k--;
  }
  return text.slice(k, at);
}

/** The word starting at `at`, skipping opening quotes and brackets. */
function nextWord(text: string, at: number, lineEnd: number): string {
  let k = at;
  while (k < lineEnd && isOpener(text.charCodeAt(k))) k++;
  let m = k;
  while (m < lineEnd && m - k < 40) {
    const ch = text.charCodeAt(m);
    if (isSpace(ch) || isTerminator(ch) || isCloser(ch) || ch === 0x2c || ch === 0x3a || ch === 0x3b) break;
    m++;
  }
  return text.slice(k, m);
}

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

/** The characters `String.prototype.trim` removes, minus the line breaks handled above. */
function isSpace(c: number): boolean {
  return (
    c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff ||
    isLineBreak(c)
  );
}

function isTerminator(c: number): boolean {
  return c === 0x2e || c === 0x3f || c === 0x21 || c === 0x2026 || isWideTerminator(c) || c === 0x203c || c === 0x2047 || c === 0x2048 || c === 0x2049;
}

/** Full-width stops (CJK) end a sentence without a following space. */
function isWideTerminator(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff0e;
}

/** Closing quotes and brackets that stay with the sentence they close. */
function isCloser(c: number): boolean {
  return (
    c === 0x22 || c === 0x27 || c === 0x29 || c === 0x5d || c === 0x7d || c === 0x2019 ||
    c === 0x201d || c === 0xbb || c === 0x203a || c === 0x300d || c === 0x300f || c === 0xff09 ||
    c === 0x3011
  );
}

/** Opening quotes and brackets that may precede a word. */
function isOpener(c: number): boolean {
  return (
    c === 0x22 || c === 0x27 || c === 0x28 || c === 0x5b || c === 0x7b || c === 0x2018 ||
    c === 0x201c || c === 0xab || c === 0x2039 || c === 0x300c || c === 0x300e || c === 0xff08 ||
    c === 0x3010 || c === 0x201e || c === 0x201a
  );
}
