// Picks the best scored match and the best one at a different place, to tell confidence from a tie.
import type { ScoredMatch } from "./types.ts";

/** The best candidate and its strongest rival elsewhere in the text. */
export interface Ranking {
  best?: ScoredMatch;
  /** The best candidate that is not a variant of `best` (see `rankMatches`). */
  runnerUp?: ScoredMatch;
}

/**
 * Ranks scored candidates. Fuzzy search reports several near-identical variants of one place
 * (an end one character further, a start one earlier); a variant of the best is not a rival.
 * Two candidates are the same place when they overlap and their starts and ends differ by at
 * most `tolerance` code units in total (at least 1), so two distinct exact occurrences, even
 * overlapping ones, are always rivals.
 */
export function rankMatches(matches: readonly ScoredMatch[], tolerance: number): Ranking {
  let best: ScoredMatch | undefined;
  for (const m of matches) {
    if (!best || m.score > best.score || (m.score === best.score && m.start < best.start)) best = m;
  }
  if (!best) return {};
  const limit = Math.max(1, tolerance);
  let runnerUp: ScoredMatch | undefined;
  for (const m of matches) {
    const overlaps = m.start < best.end && best.start < m.end;
    const samePlace = overlaps && Math.abs(m.start - best.start) + Math.abs(m.end - best.end) <= limit;
    if (m === best || samePlace) continue;
    if (!runnerUp || m.score > runnerUp.score) runnerUp = m;
  }
  return { best, runnerUp };
}
