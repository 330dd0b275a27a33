// Finds approximate occurrences of a quote, the best in each neighbourhood, with Myers' algorithm.
import search from "approx-string-match";
import type { QuoteCandidate, SearchRegion } from "./types.ts";

/** Shortest stretch of text searched in one call; see `findFuzzyMatches` for why text is cut. */
const MIN_CHUNK_LENGTH = 1024;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** A code unit that does not occur in `quote` (private-use characters first). */
function absentCodeUnit(quote: string): string {
  for (let code = 0xe000; ; code += 1) {
    const c = String.fromCharCode(code);
    if (!quote.includes(c)) return c;
  }
}

/**
 * Approximate occurrences of `quote` with at most `maxErrors` edits inside `regions` (the whole
 * text by default; sorted and disjoint otherwise). Regions are joined into one haystack by runs
 * of `maxErrors + 1` copies of a character absent from the quote, which no match can cross
 * within budget, so many small regions cost one search, not one each. `approx-string-match`
 * keeps only the matches with the fewest errors in what it is given, so one call over a long
 * text would hide a slightly worse match that has the right context; the haystack is therefore
 * searched in overlapping chunks, each reporting its own best. Ranges never split a surrogate
 * pair (a split one is widened and charged one more error).
 */
export function findFuzzyMatches(
  text: string,
  quote: string,
  maxErrors: number,
  regions?: readonly SearchRegion[],
): QuoteCandidate[] {
  if (quote.length === 0) return [];
  const all = regions ?? [{ start: 0, end: text.length }];
  const useful = all.filter((r) => r.end - r.start >= quote.length - maxErrors && r.end > r.start);
  if (useful.length === 0) return [];
  const separator = absentCodeUnit(quote).repeat(maxErrors + 1);
  // Haystack offset of each region, to map matches back to the text.
  const offsets: number[] = [];
  const parts: string[] = [];
  let length = 0;
  for (const r of useful) {
    if (parts.length > 0) {
      parts.push(separator);
      length += separator.length;
    }
    offsets.push(length);
    parts.push(text.slice(r.start, r.end));
    length += r.end - r.start;
  }
  const haystack = parts.length === 1 ? parts[0] : parts.join("");
  const toText = (at: number, isEnd: boolean): number => {
    let low = 0;
    let high = offsets.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (offsets[mid] < at || (!isEnd && offsets[mid] === at)) low = mid;
      else high = mid - 1;
    }
    return useful[low].start + (at - offsets[low]);
  };

  const found = new Map<string, QuoteCandidate>();
  const overlap = quote.length + maxErrors;
  const chunkLength = Math.max(MIN_CHUNK_LENGTH, 4 * overlap);
  for (let from = 0; from < haystack.length; from += chunkLength - overlap) {
    const to = Math.min(haystack.length, from + chunkLength);
    for (const m of search(haystack.slice(from, to), quote, maxErrors)) {
      let start = toText(from + m.start, false);
      let end = toText(from + m.end, true);
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
    if (to === haystack.length) break;
  }
  return [...found.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}
