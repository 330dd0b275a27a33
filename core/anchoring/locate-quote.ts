// Searches regions of a text for a quote, exact and fuzzy, and decides on the result.
import { decideAnchor } from "./decide-anchor.ts";
import { findExactMatches } from "./find-exact-matches.ts";
import { findFuzzyMatches } from "./find-fuzzy-matches.ts";
import { snapToWordEdges } from "./snap-to-word-edges.ts";
import { maxQuoteErrors } from "./max-quote-errors.ts";
import { rankMatches } from "./rank-matches.ts";
import { scoreMatch } from "./score-match.ts";
import type { AnchorResult, ContextEvidence, QuoteCandidate, QuoteContext, SearchRegion } from "./types.ts";

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

/** Where and how `locateQuote` searches. */
export interface LocateOptions {
  /** Sorted, disjoint regions to search; the whole text by default. */
  regions?: readonly SearchRegion[];
  /** Rules places out before ranking (e.g. text an edit map says descends from elsewhere). */
  isCandidate?: (candidate: QuoteCandidate) => boolean;
  /** Lowest score accepted; `ACCEPT_SCORE` by default. */
  acceptScore?: number;
  /** Evidence about the context besides the text (see `scoreMatch`). */
  contextEvidence?: ContextEvidence;
}

/**
 * Looks for `quote` inside `regions` of `text` , ranking every exact occurrence and every fuzzy one within the error budget by
 * `scoreMatch` against `context` (prefix, suffix, and the expected start as `hint`); then
 * `decideAnchor` rules. Exact and edited candidates are always weighed together: an exact copy
 * elsewhere must not win over an edited original just by being found first. Candidates that
 * cut a word where the quote did not are moved to word edges (`snapToWordEdges`).
 */
export function locateQuote(
  text: string,
  quote: string,
  context: QuoteContext,
  options: LocateOptions = {},
): AnchorResult {
  const { regions, isCandidate, acceptScore, contextEvidence } = options;
  if (quote.length === 0) return { status: "orphaned" };
  const maxErrors = maxQuoteErrors(quote.length);
  const exact = findExactMatches(text, quote, regions);
  // Exact occurrences are cut out of the fuzzy search: it keeps only the fewest-error matches of
  // each chunk, and an exact copy would hide an edited original beside it.
  const fuzzyRegions = subtract(regions ?? [{ start: 0, end: text.length }], exact);
  const fuzzy = findFuzzyMatches(text, quote, maxErrors, fuzzyRegions).filter((c) => c.errors > 0);
  const candidates: QuoteCandidate[] = [];
  const seen = new Set<string>();
  for (const found of [...exact, ...fuzzy]) {
    const c = snapToWordEdges(text, found, quote, context, maxErrors);
    const key = c && `${c.start}:${c.end}`;
    if (!c || seen.has(key!) || (isCandidate && !isCandidate(c))) continue;
    seen.add(key!);
    candidates.push(c);
  }
  const scored = candidates.map((c) => scoreMatch(text, c, quote, context, contextEvidence));
  return decideAnchor(text, quote, rankMatches(scored, maxErrors), acceptScore);
}
