// Cuts a document's text into the passages full-text search indexes: its blocks, long ones in pieces.
import type { Block, Span } from "../text/types.ts";

/** Longest passage, in UTF-16 code units, before a block is cut at a space. */
export const MAX_PASSAGE = 2_000;

/**
 * The spans search indexes for `text`: one per block with visible text, a block longer than
 * `maxLength` cut at the last whitespace before the limit (or at the limit when a run has none),
 * never inside a surrogate pair. The spans cover every non-blank block and never overlap.
 */
export function cutPassages(text: string, blocks: readonly Block[], maxLength = MAX_PASSAGE): Span[] {
  if (!Number.isInteger(maxLength) || maxLength < 2) throw new RangeError(`maxLength must be an integer ≥ 2, not ${maxLength}`);
  const spans: Span[] = [];
  for (const block of blocks) {
    if (block.start < 0 || block.end > text.length || block.start > block.end) {
      throw new RangeError(`block [${block.start}, ${block.end}) lies outside a text of length ${text.length}`);
    }
    let start = block.start;
    while (start < block.end) {
      let end = Math.min(block.end, start + maxLength);
      if (end < block.end) {
        const cut = Math.max(text.lastIndexOf(" ", end - 1), text.lastIndexOf("\n", end - 1));
        if (cut > start) end = cut + 1;
        else if (isHighSurrogate(text.charCodeAt(end - 1))) end--;
      }
      if (text.slice(start, end).trim()) spans.push({ start, end });
      start = end;
    }
  }
  return spans;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
