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
    // Search a slice, not the text from `region.start`: a miss must not scan to the end of a
    // long text once per region.
    const slice = region.start === 0 && region.end === text.length ? text : text.slice(region.start, region.end);
    for (let at = slice.indexOf(quote); at !== -1; at = slice.indexOf(quote, at + 1)) {
      matches.push({ start: region.start + at, end: region.start + at + quote.length, errors: 0 });
    }
  }
  return matches;
}
