// Finds the page of a PDF-born document an offset lies on, from its blocks.
import type { Block } from "./types.ts";

/**
 * The 1-based page of the block that contains `offset` (or, between blocks, of the block that
 * follows it); null when the document has no page numbers. `blocks` are in text order.
 */
export function pageAt(blocks: readonly Block[], offset: number): number | null {
  let lo = 0;
  let hi = blocks.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].end > offset) {
      found = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  const block = found >= 0 ? blocks[found] : blocks[blocks.length - 1];
  return block?.page ?? null;
}
