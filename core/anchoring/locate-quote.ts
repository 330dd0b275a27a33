// Searches regions of a text for a quote, exact first and then fuzzy, and decides on the result.
import { decideAnchor } from "./decide-anchor.ts";
import { findExactMatches } from "./find-exact-matches.ts";
import { findFuzzyMatches } from "./find-fuzzy-matches.ts";
import { maxQuoteErrors } from "./max-quote-errors.ts";
import { rankMatches } from "./rank-matches.ts";
import { scoreMatch } from "./score-match.ts";
import { ANCHOR_THRESHOLDS } from "./anchor-thresholds.ts";
import type { AnchorResult, QuoteContext, SearchRegion } from "./types.ts";

/** `regions` without the ranges of `holes` (both sorted by start). */
function subtract(regions: readonly SearchRegion[], holes: readonly SearchRegion[]): SearchRegion[] {
  if (holes.length === 0) return [...regions];
  const out: SearchRegion[] = [];
  for (const region of regions) {
    let from = region.start;
    for (const hole of holes) {
      if (hole.end <= from || hole.start >= region.end) continue;
      if (hole.start > from) out.push({ start: from, end: hole.start });
      from = Math.max(from, hole.end);
    }
    if (from < region.end) out.push({ start: from, end: region.end });
  }
  return out;
}

/**
 * Looks for `quote` inside `regions` of `text` (all of it by default), ranking every candidate
 * by `scoreMatch` against `context` (prefix, suffix, and the expected start as `hint`). Exact occurrences are tried
 * first; they settle the matter only when the best is unambiguous and scores at least
 * `CONCLUSIVE_SCORE`, since an edited copy with better context may still be the right one.
 * Otherwise fuzzy candidates within the error budget join the ranking and `decideAnchor` rules.
 */
export function locateQuote(
  text: string,
  quote: string,
  context: QuoteContext,
  regions?: readonly SearchRegion[],
): AnchorResult {
  if (quote.length === 0) return { status: "orphaned" };
  const maxErrors = maxQuoteErrors(quote.length);
  const exact = findExactMatches(text, quote, regions).map((c) => scoreMatch(text, c, quote, context));
  const exactRanking = rankMatches(exact, maxErrors);
  const exactResult = decideAnchor(text, quote, exactRanking);
  if (exactResult.status !== "orphaned" && exactResult.score >= ANCHOR_THRESHOLDS.CONCLUSIVE_SCORE) {
    return exactResult;
  }
  // Exact occurrences are cut out of the fuzzy search: it keeps only the fewest-error matches of
  // each chunk, and an exact copy would hide an edited original beside it.
  const fuzzyRegions = subtract(regions ?? [{ start: 0, end: text.length }], exact);
  const fuzzy = findFuzzyMatches(text, quote, maxErrors, fuzzyRegions)
    .filter((c) => c.errors > 0)
    .map((c) => scoreMatch(text, c, quote, context));
  return decideAnchor(text, quote, rankMatches([...exact, ...fuzzy], maxErrors));
}
