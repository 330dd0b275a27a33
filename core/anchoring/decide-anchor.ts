// Turns a ranking of candidates into an anchor result: a confident highlight or an orphan.
import { ANCHOR_THRESHOLDS } from "./anchor-thresholds.ts";
import type { Ranking } from "./rank-matches.ts";
import type { AnchorResult } from "./types.ts";

/**
 * Accepts `ranking.best` only if it scores at least `acceptScore` (`ACCEPT_SCORE` by default),
 * its quote is at least
 * `MIN_QUOTE_SIMILARITY` alike, and no rival elsewhere comes within `AMBIGUITY_MARGIN`;
 * otherwise the anchor is orphaned and the best candidate, if any, is kept as a suggestion.
 * An accepted match is `anchored` when its text equals `exact`, else `changed`.
 */
export function decideAnchor(
  text: string,
  exact: string,
  ranking: Ranking,
  acceptScore: number = ANCHOR_THRESHOLDS.ACCEPT_SCORE,
): AnchorResult {
  const { best, runnerUp } = ranking;
  if (!best) return { status: "orphaned" };
  const { start, end, score } = best;
  const confident =
    score >= acceptScore &&
    best.quoteSimilarity >= ANCHOR_THRESHOLDS.MIN_QUOTE_SIMILARITY &&
    (!runnerUp || score - runnerUp.score >= ANCHOR_THRESHOLDS.AMBIGUITY_MARGIN);
  if (!confident) return { status: "orphaned", suggestion: { start, end, score } };
  const found = text.slice(start, end);
  if (found === exact) return { status: "anchored", start, end, score };
  return { status: "changed", start, end, score, oldText: exact, newText: found };
}
