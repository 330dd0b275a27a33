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
  /** The insertions that hold `quote` verbatim, by index into the indexed list. */
  holdingExactly(quote: string): Set<number>;
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
  // All inserted text in one string, each insertion followed by a NUL that a quote without one
  // cannot match across, so a verbatim lookup is one scan rather than one per insertion.
  let joined: string | undefined;
  const starts: number[] = [];
  const join = (): string => {
    const parts: string[] = [];
    let at = 0;
    for (const s of insertions) {
      starts.push(at);
      parts.push(newText.slice(s.newStart, s.newEnd), "\u0000");
      at += s.newEnd - s.newStart + 1;
    }
    return parts.join("");
  };
  return {
    minQuoteLength: SEED_LENGTH + SEED_STRIDE - 1,
    holdingExactly(quote: string): Set<number> {
      const found = new Set<number>();
      joined ??= join();
      if (quote.length === 0 || quote.includes("\u0000")) return new Set(insertions.keys());
      for (let at = joined.indexOf(quote); at !== -1; at = joined.indexOf(quote, at + 1)) {
        let low = 0;
        let high = starts.length - 1;
        while (low < high) {
          const mid = (low + high + 1) >> 1;
          if (starts[mid] <= at) low = mid;
          else high = mid - 1;
        }
        found.add(low);
      }
      return found;
    },
    holding(quote: string): Set<number> {
      const found = new Set<number>();
      for (let at = 0; at + SEED_LENGTH <= quote.length; at += 1) {
        for (const i of seeds.get(quote.slice(at, at + SEED_LENGTH)) ?? []) found.add(i);
      }
      return found;
    },
  };
}
