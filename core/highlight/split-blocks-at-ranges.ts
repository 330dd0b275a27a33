// Cuts every block of a document at the ranges over it, in one sweep over blocks and ranges sorted by start.
import type { Span } from "../text/types.ts";
import { splitAtRanges, type IdRange, type Piece } from "./split-at-ranges.ts";

/**
 * The pieces of each block (same order as `blocks`, which must be sorted by start and not
 * overlap). Ranges may come in any order and overlap each other; each is looked at once per block
 * it touches, so thousands of ranges over thousands of blocks stay linear rather than quadratic.
 */
export function splitBlocksAtRanges(blocks: readonly Span[], ranges: readonly IdRange[]): Piece[][] {
  const order = new Map(ranges.map((r, i) => [r, i]));
  const byInputOrder = (a: IdRange, b: IdRange) => order.get(a)! - order.get(b)!;
  const sorted = ranges.filter((r) => r.start < r.end).sort((a, b) => a.start - b.start || a.end - b.end);
  let next = 0;
  let open: IdRange[] = [];
  let previousEnd = -Infinity;
  return blocks.map((block) => {
    if (block.start < previousEnd) throw new RangeError(`blocks overlap or are out of order at ${block.start}`);
    previousEnd = block.end;
    open = open.filter((r) => r.end > block.start);
    while (next < sorted.length && sorted[next].start < block.end) {
      if (sorted[next].end > block.start) open.push(sorted[next]);
      next++;
    }
    // Pieces list their ids in input order (as splitAtRanges promises), so the open set is put back in it.
    return splitAtRanges(block.start, block.end, open.length < 2 ? open : [...open].sort(byInputOrder));
  });
}
