// Folds text for near-quote matching: case folded, punctuation, quote marks and whitespace runs made one space.

/** A folded text and, for each of its characters, the offset of the original character. */
export interface FoldedText {
  text: string;
  offsets: number[];
}

const SEPARATOR = /[\s\p{P}\p{S}]/u;

/** Folds `text` so that two passages differing only in case, punctuation, quote marks or spacing fold equal. */
export function normalizeForQuotes(text: string): FoldedText {
  let out = "";
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (SEPARATOR.test(c)) {
      if (out.length > 0 && out[out.length - 1] !== " ") {
        out += " ";
        offsets.push(i);
      }
      continue;
    }
    const lower = c.toLowerCase();
    for (let k = 0; k < lower.length; k++) offsets.push(i);
    out += lower;
  }
  if (out.endsWith(" ")) {
    out = out.slice(0, -1);
    offsets.pop();
  }
  return { text: out, offsets };
}
