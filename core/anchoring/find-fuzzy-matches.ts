// Finds approximate occurrences of a quote, the best in each neighbourhood, with Myers' algorithm.
import search from "approx-string-match";
import type { QuoteCandidate, SearchRegion } from "./types.ts";

/** Shortest stretch of text searched in one call; see `findFuzzyMatches` for why text is cut. */
const MIN_CHUNK_LENGTH = 2048;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Approximate occurrences of `quote` with at most `maxErrors` edits inside `regions` (the whole
 * text by default). `approx-string-match` keeps only the matches with the fewest errors in what
 * it is given, so one call over a long text would hide a slightly worse match that has the right
 * context; the text is therefore searched in overlapping chunks, each reporting its own best.
 * Ranges never split a surrogate pair (a split one is widened and charged one more error).
 */
export function findFuzzyMatches(
  text: string,
  quote: string,
  maxErrors: number,
  regions?: readonly SearchRegion[],
): QuoteCandidate[] {
  const found = new Map<string, QuoteCandidate>();
  if (quote.length === 0) return [];
  const overlap = quote.length + maxErrors;
  const chunkLength = Math.max(MIN_CHUNK_LENGTH, 4 * overlap);
  for (const region of regions ?? [{ start: 0, end: text.length }]) {
    for (let from = region.start; from < region.end; from += chunkLength - overlap) {
      const to = Math.min(region.end, from + chunkLength);
      if (to - from >= quote.length - maxErrors) {
        for (const m of search(text.slice(from, to), quote, maxErrors)) {
          let start = from + m.start;
          let end = from + m.end;
          let errors = m.errors;
          if (start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) {
            start -= 1;
            errors += 1;
          }
          if (end < text.length && isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1))) {
            end += 1;
            errors += 1;
          }
          if (end <= start) continue;
          const key = `${start}:${end}`;
          const seen = found.get(key);
          if (!seen || seen.errors > errors) found.set(key, { start, end, errors });
        }
      }
      if (to === region.end) break;
    }
  }
  return [...found.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}
