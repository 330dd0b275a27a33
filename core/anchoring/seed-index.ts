// Indexes stretches of inserted text by short verbatim seeds, to find where a passage moved to.
import type { EditSegment } from "./types.ts";

/** Length of a seed: a moved passage is expected to keep this much of a quote verbatim… */
const SEED_LENGTH = 16;
/** …sampled every this many characters, so `SEED_LENGTH + SEED_STRIDE - 1` verbatim suffice. */
const SEED_STRIDE = 8;

/** Which insertions hold which seeds. */
export interface SeedIndex {
  /** The insertions that hold a seed of `quote`, by index into the indexed list. */
  holding(quote: string): Set<number>;
  /** Quotes shorter than this cannot be looked up by seed. */
  minQuoteLength: number;
}

/**
 * Indexes the text of `insertions` (segments of an edit map, new side of `newText`) by the seeds
 * starting every `SEED_STRIDE` characters. A quote that kept any `SEED_LENGTH + SEED_STRIDE - 1`
 * characters verbatim is then found in the insertions that hold them, with one lookup per
 * character of the quote instead of a search of all inserted text.
 */
export function seedIndex(newText: string, insertions: readonly EditSegment[]): SeedIndex {
  const seeds = new Map<string, number[]>();
  insertions.forEach((s, i) => {
    for (let at = s.newStart; at + SEED_LENGTH <= s.newEnd; at += SEED_STRIDE) {
      const seed = newText.slice(at, at + SEED_LENGTH);
      const list = seeds.get(seed);
      if (!list) seeds.set(seed, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  });
  return {
    minQuoteLength: SEED_LENGTH + SEED_STRIDE - 1,
    holding(quote: string): Set<number> {
      const found = new Set<number>();
      for (let at = 0; at + SEED_LENGTH <= quote.length; at += 1) {
        for (const i of seeds.get(quote.slice(at, at + SEED_LENGTH)) ?? []) found.add(i);
      }
      return found;
    },
  };
}
