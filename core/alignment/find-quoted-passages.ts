// Finds the passages a claim puts in quote marks ("…", “…”, '…', ‘…’), telling quotes from apostrophes.
import type { Span } from "../text/types.ts";

/** A quoted passage: its text without the marks and its offsets in the claim. */
export interface QuotedPassage extends Span {
  text: string;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;

/** A quote mark can open where no letter or digit stands before it and a non-space follows. */
function canOpen(text: string, i: number): boolean {
  const before = i > 0 ? text[i - 1] : " ";
  const after = text[i + 1] ?? " ";
  return !LETTER_OR_DIGIT.test(before) && !SPACE.test(after);
}

/** A quote mark can close where a non-space stands before it and no letter or digit follows. */
function canClose(text: string, i: number): boolean {
  const before = i > 0 ? text[i - 1] : " ";
  const after = text[i + 1] ?? " ";
  return !SPACE.test(before) && !LETTER_OR_DIGIT.test(after);
}

const PAIRS: { open: string; close: string }[] = [
  { open: '"', close: '"' },
  { open: "“", close: "”" },
  { open: "„", close: "“" },
  { open: "«", close: "»" },
  { open: "'", close: "'" },
  { open: "‘", close: "’" },
];

/**
 * Returns the outermost quoted passages of `text`, in order. Apostrophes inside words ("don't",
 * "Mexico’s") never open or close a quote; a mark without its partner quotes nothing.
 */
export function findQuotedPassages(text: string): QuotedPassage[] {
  const passages: QuotedPassage[] = [];
  let i = 0;
  while (i < text.length) {
    const pair = PAIRS.find((p) => p.open === text[i]);
    if (!pair || !canOpen(text, i)) {
      i++;
      continue;
    }
    let j = i + 1;
    let closeAt = -1;
    for (; j < text.length; j++) {
      if (text[j] === pair.close && canClose(text, j)) {
        closeAt = j;
        break;
      }
    }
    if (closeAt < 0) {
      i++;
      continue;
    }
    const inner = text.slice(i + 1, closeAt);
    if (/[\p{L}\p{N}]/u.test(inner)) passages.push({ text: inner, start: i + 1, end: closeAt });
    i = closeAt + 1;
  }
  return passages;
}
