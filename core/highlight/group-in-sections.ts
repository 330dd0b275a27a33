// Groups a document's blocks in sections the browser can skip rendering while they are off screen.
import type { Span } from "../text/types.ts";

/** Blocks per section: small enough to lay out quickly, large enough to keep the DOM shallow. */
export const BLOCKS_PER_SECTION = 25;

/**
 * Estimated pixels after which a section closes, whatever its count of blocks: a jump lays out and
 * paints the sections around its passage, so a section of long paragraphs must not run to many
 * screens.
 */
export const SECTION_HEIGHT = 1200;

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

/**
 * Consecutive runs of at most `size` blocks, each closed early once its estimated height reaches
 * `maxHeight` pixels (a section holds one block at least), each with a height estimate for
 * `contain-intrinsic-size`.
 */
export function groupInSections(blocks: readonly Span[], size: number = BLOCKS_PER_SECTION, maxHeight: number = SECTION_HEIGHT): Section[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`invalid section size ${size}`);
  if (!(maxHeight > 0)) throw new RangeError(`invalid section height ${maxHeight}`);
  const sections: Section[] = [];
  let from = 0;
  let height = 0;
  for (let i = 0; i < blocks.length; i++) {
    const lines = Math.max(1, Math.ceil((blocks[i].end - blocks[i].start) / READING_LAYOUT.charsPerLine));
    height += lines * READING_LAYOUT.lineHeight + READING_LAYOUT.blockGap;
    if (i + 1 - from === size || height >= maxHeight || i + 1 === blocks.length) {
      sections.push({ from, to: i + 1, estimatedHeight: height });
      from = i + 1;
      height = 0;
    }
  }
  return sections;
}
