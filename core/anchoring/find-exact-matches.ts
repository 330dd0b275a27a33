// Finds every exact occurrence of a quote inside some regions of a text.
import type { QuoteCandidate, SearchRegion } from "./types.ts";

/**
 * Every place where `quote` occurs verbatim and wholly inside one of `regions` (the whole text
 * by default), overlapping occurrences included, in text order.
 */
export function findExactMatches(text: string, quote: string, regions?: readonly SearchRegion[]): QuoteCandidate[] {
  const matches: QuoteCandidate[] = [];
  if (quote.length === 0) return matches;
  for (const region of regions ?? [{ start: 0, end: text.length }]) {
    let at = text.indexOf(quote, region.start);
    while (at !== -1 && at + quote.length <= region.end) {
      matches.push({ start: at, end: at + quote.length, errors: 0 });
      at = text.indexOf(quote, at + 1);
    }
  }
  return matches;
}
