// Cuts text into word and number tokens with offsets and matching keys (stems, normalised numbers).
import { STOP_WORDS } from "./stop-words.ts";
import { stemWord } from "./stem-word.ts";
import { irregularBaseKey } from "./related-keys.ts";
import { isNameGlue, NO_NAME_WORD, readAcronyms } from "./read-acronyms.ts";

/** One word or number of a text, with its offsets and the key it matches on. */
export interface WordToken {
  start: number;
  end: number;
  /** The token as written. */
  text: string;
  /** Lower-cased, curly apostrophes made straight. */
  lower: string;
  /** What the token matches on: a light stem (of the base, for irregular forms), or a number without grouping commas. */
  key: string;
  isNumber: boolean;
  /** A function word, or a token too short to carry evidence. */
  isStop: boolean;
  /** Starts with an upper-case letter (a name, or the first word of a sentence). */
  isCapitalized: boolean;
  /** A negation cue: "not", "never", "no", "without", words ending in "n't"… */
  isNegation: boolean;
}

// Dotted acronyms (U.S.), numbers (1,200 / 3.5 / 1990s / 20th / 5%), words with inner apostrophes.
const TOKEN = /(?:\p{L}\.){2,}|\d+(?:[.,]\d+)*(?:st|nd|rd|th|s)?%?|\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}+)*/gu;
const UPPER = /^\p{Lu}/u;
const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}/gu;
const ORDINAL_OR_PLURAL = /(?:st|nd|rd|th|s)$/;
const NEGATIONS = new Set(["not", "no", "never", "without", "neither", "nor", "none", "nobody", "nothing", "cannot", "nowhere"]);

/** Spelled-out numbers that sources and claims write either way ("five" / "5"); "one" is too often a pronoun. */
const NUMBER_WORDS: Record<string, string> = {
  two: "2", three: "3", four: "4", five: "5", six: "6", seven: "7", eight: "8", nine: "9", ten: "10",
  eleven: "11", twelve: "12", thirteen: "13", fourteen: "14", fifteen: "15", sixteen: "16",
  seventeen: "17", eighteen: "18", nineteen: "19", twenty: "20", thirty: "30", forty: "40",
  fifty: "50", sixty: "60", seventy: "70", eighty: "80", ninety: "90", hundred: "100",
  first: "1", second: "2", third: "3", fourth: "4", fifth: "5", sixth: "6", seventh: "7",
  eighth: "8", ninth: "9", tenth: "10",
};

// Word → key, memoised in one map: one lookup a token on the hot path of a large task.
const keys = new Map<string, string>();

/** The key of a lower-case word: its base's stem for an irregular form ("went" → "go", "children" → "child"), else its stem. */
function wordKey(word: string): string {
  let key = keys.get(word);
  if (key === undefined) {
    key = irregularBaseKey(word) ?? stemWord(word);
    if (keys.size > 200_000) keys.clear();
    keys.set(word, key);
  }
  return key;
}

/** What a token is, whatever its place: the fields of `WordToken` that depend only on how it is written. */
type Lexeme = Omit<WordToken, "start" | "end" | "text">;

// Written form → lexeme, memoised: a large task repeats a few thousand forms hundreds of
// thousands of times, and lower-casing, keying and classing each occurrence was most of the
// indexing time.
const lexemes = new Map<string, Lexeme>();

function lexemeOf(raw: string): Lexeme {
  let lexeme = lexemes.get(raw);
  if (lexeme === undefined) {
    lexeme = readLexeme(raw);
    if (lexemes.size > 200_000) lexemes.clear();
    lexemes.set(raw, lexeme);
  }
  return lexeme;
}

function readLexeme(raw: string): Lexeme {
  const first = raw.charCodeAt(0);
  const isDigit = first >= 48 && first <= 57;
  const lower = raw.toLowerCase().replace(/’/g, "'");
  // Keys are written without accents: "Lagacé" / "Lagace", "André" / "Andre" (sources and claims
  // spell foreign names either way).
  const bare = NON_ASCII.test(lower) ? lower.normalize("NFD").replace(MARKS, "") : lower;
  let key: string;
  let isNumber = isDigit;
  if (isDigit) {
    key = bare.replace(/%$/, "").replace(/,(?=\d{3}\b)/g, "");
    if (!/^\d{4}s$/.test(key)) key = key.replace(ORDINAL_OR_PLURAL, "");
  } else if (raw.length > 2 && raw.charCodeAt(1) === 46 /* "." */) {
    key = bare.replace(/\./g, "");
  } else if (NUMBER_WORDS[lower] !== undefined) {
    key = NUMBER_WORDS[lower];
    isNumber = true;
  } else {
    key = wordKey(bare.replace(/'s$/, ""));
  }
  const isNegation = NEGATIONS.has(lower) || lower.endsWith("n't");
  const isStop = !isNumber && (STOP_WORDS.has(lower) || key.length < 2) && !(raw.length > 1 && raw === raw.toUpperCase() && lower !== "i");
  return { lower, key, isNumber, isStop, isCapitalized: UPPER.test(raw), isNegation };
}

/**
 * Tokenises `text` (or its `[start, end)` part) into words and numbers. Hyphenated words become
 * their parts, possessives are dropped from the key ("Mexico’s" → "mexico"), numbers lose their
 * grouping commas and ordinal suffixes ("1,200" → "1200", "20th" → "20").
 */
export function tokenizeWords(text: string, start = 0, end = text.length): WordToken[] {
  const tokens: WordToken[] = [];
  const part = start === 0 && end === text.length ? text : text.slice(start, end);
  for (const m of part.matchAll(TOKEN)) {
    const raw = m[0];
    const at = start + (m.index ?? 0);
    const { lower, key, isNumber, isStop, isCapitalized, isNegation } = lexemeOf(raw);
    tokens.push({ start: at, end: at + raw.length, text: raw, lower, key, isNumber, isStop, isCapitalized, isNegation });
  }
  return tokens;
}

/**
 * The keys of the content tokens of `text[start, end)`, in order: what `tokenizeWords` would give
 * for the tokens that are not `isStop`, without building them. With `acronyms`, the keys of the
 * acronyms its multi-word names go by follow ("Transport for Greater Manchester" adds "tfgm"),
 * so that a claim naming the acronym finds the sentence spelling the name out.
 */
export function contentKeys(text: string, start = 0, end = text.length, options: { acronyms?: boolean } = {}): string[] {
  const keys: string[] = [];
  const part = start === 0 && end === text.length ? text : text.slice(start, end);
  const acronyms = options.acronyms ? readAcronyms() : undefined;
  let last = -1;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(part); m !== null; m = TOKEN.exec(part)) {
    const raw = m[0];
    const lexeme = lexemeOf(raw);
    if (!lexeme.isStop) keys.push(lexeme.key);
    if (acronyms) {
      const isNameWord = lexeme.isCapitalized && !lexeme.isStop && !lexeme.isNumber;
      // Most words are no part of a name: one shared value ends the run without building a word.
      if (isNameWord || isNameGlue(lexeme.lower)) {
        acronyms.push({ text: raw, key: lexeme.key, isNameWord, joined: last >= 0 && onlySpaces(part, last, m.index) });
      } else acronyms.push(NO_NAME_WORD);
      last = m.index + raw.length;
    }
  }
  if (acronyms) for (const acronym of acronyms.finish()) keys.push(acronym.key);
  return keys;
}

// Whether `text[from, to)` is whitespace only, without slicing it.
function onlySpaces(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 10 && code !== 9 && code !== 13 && code !== 160) return false;
  }
  return true;
}
