// Groups a document's blocks in sections the browser can skip rendering while they are off screen.
import type { Span } from "../text/types.ts";

/** Blocks per section: small enough to lay out quickly, large enough to keep the DOM shallow. */
export const BLOCKS_PER_SECTION = 25;

/** Rough layout figures of the reading column, for a section's placeholder height. */
export const READING_LAYOUT = {
  /** Characters on one line of the reading measure. */
  charsPerLine: 78,
  /** Pixels per line at the reading size and leading. */
  lineHeight: 29,
  /** Pixels of margin under each block. */
  blockGap: 17,
} as const;

/** A run of consecutive blocks, by index, with its estimated height in pixels. */
export interface Section {
  from: number;
  to: number;
  estimatedHeight: number;
}

/** Consecutive runs of at most `size` blocks, each with a height estimate for `contain-intrinsic-size`. */
export function groupInSections(blocks: readonly Span[], size: number = BLOCKS_PER_SECTION): Section[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`invalid section size ${size}`);
  const sections: Section[] = [];
  for (let from = 0; from < blocks.length; from += size) {
    const to = Math.min(blocks.length, from + size);
    let height = 0;
    for (let i = from; i < to; i++) {
      const lines = Math.max(1, Math.ceil((blocks[i].end - blocks[i].start) / READING_LAYOUT.charsPerLine));
      height += lines * READING_LAYOUT.lineHeight + READING_LAYOUT.blockGap;
    }
    sections.push({ from, to, estimatedHeight: height });
  }
  return sections;
}
