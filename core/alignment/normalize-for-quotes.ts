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
  // Lower-casing kept every character's length (nearly always): fold in one pass over it.
  const sameLength = lower.length === text.length;
  const parts: string[] = [];
  const offsets = new Int32Array(sameLength ? text.length : text.length * 3);
  let n = 0;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSeparator(code, text, i)) {
      pendingSpace = n > 0;
      continue;
    }
    if (pendingSpace) {
      parts.push(" ");
      offsets[n++] = i - 1;
      pendingSpace = false;
    }
    const folded = sameLength ? lower[i] : text[i].toLowerCase();
    for (let k = 0; k < folded.length; k++) offsets[n++] = i;
    parts.push(folded);
  }
  return { text: parts.join(""), offsets: offsets.subarray(0, n) };
}
