// Folds text for near-quote matching: case folded, punctuation, quote marks and whitespace runs made one space.

/** A folded text and, for each of its characters, the offset of the original character. */
export interface FoldedText {
  text: string;
  offsets: Int32Array;
}

const SEPARATOR = /[\s\p{P}\p{S}]/u;

function isSeparator(code: number, text: string, i: number): boolean {
  if (code < 128) {
    // ASCII: space and controls, and everything but letters and digits.
    return !((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122));
  }
  return SEPARATOR.test(text[i]);
}

/** Folds `text` so that two passages differing only in case, punctuation, quote marks or spacing fold equal. */
export function normalizeForQuotes(text: string): FoldedText {
  const lower = text.toLowerCase();
  // Lower-casing nearly always keeps every character's length: then fold into a buffer of
  // UTF-16 code units (one string a character was most of the cost on a large source).
  if (lower.length !== text.length) return foldByCharacter(text);
  const codes = new Uint16Array(text.length);
  const offsets = new Int32Array(text.length);
  let n = 0;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    if (isSeparator(text.charCodeAt(i), text, i)) {
      pendingSpace = n > 0;
      continue;
    }
    if (pendingSpace) {
      codes[n] = 32;
      offsets[n++] = i - 1;
      pendingSpace = false;
    }
    codes[n] = lower.charCodeAt(i);
    offsets[n++] = i;
  }
  return { text: decodeUnits(codes.subarray(0, n)), offsets: offsets.subarray(0, n) };
}

// Code units to a string, in chunks small enough for `fromCharCode`'s argument list.
function decodeUnits(codes: Uint16Array): string {
  const chunks: string[] = [];
  for (let at = 0; at < codes.length; at += 8192) chunks.push(String.fromCharCode(...codes.subarray(at, at + 8192)));
  return chunks.join("");
}

// The rare text whose lower case has another length ("İ"): fold character by character.
function foldByCharacter(text: string): FoldedText {
  const parts: string[] = [];
  const offsets = new Int32Array(text.length * 3);
  let n = 0;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    if (isSeparator(text.charCodeAt(i), text, i)) {
      pendingSpace = n > 0;
      continue;
    }
    if (pendingSpace) {
      parts.push(" ");
      offsets[n++] = i - 1;
      pendingSpace = false;
    }
    const folded = text[i].toLowerCase();
    for (let k = 0; k < folded.length; k++) offsets[n++] = i;
    parts.push(folded);
  }
  return { text: parts.join(""), offsets: offsets.subarray(0, n) };
}
