// Re-anchors many selectors from one version of a text to the next, diffing the texts only once.
import { anchor } from "./anchor.ts";
import { ANCHOR_THRESHOLDS } from "./anchor-thresholds.ts";
import { diffTexts } from "./diff-texts.ts";
import { findSegment } from "./find-segment.ts";
import { locateQuote } from "./locate-quote.ts";
import { mapOffset } from "./map-offset.ts";
import { maxQuoteErrors } from "./max-quote-errors.ts";
import { scoreMatch } from "./score-match.ts";
import type {
  AnchorResult,
  EditSegment,
  QuoteCandidate,
  SearchRegion,
  Selector,
  TextPositionSelector,
  TextQuoteSelector,
} from "./types.ts";

/**
 * How many characters of new-text range `[start, end)` are either inserted text or kept text
 * that descends from old range `[oldStart, oldEnd)`.
 */
function ownCharacters(segments: readonly EditSegment[], start: number, end: number, oldStart: number, oldEnd: number): number {
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (segments[mid].newEnd > start) high = mid;
    else low = mid + 1;
  }
  let own = 0;
  for (let i = low; i < segments.length && segments[i].newStart < end; i += 1) {
    const s = segments[i];
    const from = Math.max(start, s.newStart);
    const to = Math.min(end, s.newEnd);
    if (to <= from) continue;
    if (!s.equal) {
      own += to - from;
    } else {
      const oldFrom = s.oldStart + (from - s.newStart);
      own += Math.max(0, Math.min(oldFrom + (to - from), oldEnd) - Math.max(oldFrom, oldStart));
    }
  }
  return own;
}

/**
 * Where an anchor's text may have gone besides its old place: a moved passage arrives as an
 * insertion at least as long as itself, so only stretches with at least `quoteLength - maxErrors`
 * inserted characters (insertions closer than `2 × maxErrors` merged) are kept, widened by
 * `maxErrors` either side for a diff that drew the edge of the insertion a little off.
 */
function insertionRegions(
  insertions: readonly EditSegment[],
  textLength: number,
  quoteLength: number,
  maxErrors: number,
): SearchRegion[] {
  const needed = quoteLength - maxErrors;
  const margin = maxErrors;
  const regions: SearchRegion[] = [];
  let current: (SearchRegion & { inserted: number }) | undefined;
  const flush = () => {
    if (current && current.inserted >= needed) regions.push({ start: current.start, end: current.end });
  };
  for (const s of insertions) {
    const start = Math.max(0, s.newStart - margin);
    const end = Math.min(textLength, s.newEnd + margin);
    if (current && start <= current.end) {
      current.end = Math.max(current.end, end);
      current.inserted += s.newEnd - s.newStart;
    } else {
      flush();
      current = { start, end, inserted: s.newEnd - s.newStart };
    }
  }
  flush();
  return regions;
}

/** Sorted, disjoint union of `region` and `regions` (itself sorted and disjoint). */
function withRegion(regions: readonly SearchRegion[], region: SearchRegion): SearchRegion[] {
  const merged: SearchRegion[] = [];
  for (const r of [...regions, region].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/**
 * Re-anchors each entry of `selectorsList` (selectors describing `oldText`, as made by
 * `describe`) in `newText`. The texts are diffed once and each anchor is carried through the
 * diff:
 * 1. an anchor whose text the diff kept whole moves with it; it is `anchored` if its context
 *    still agrees (`ACCEPT_SCORE`), else orphaned with that place as the suggestion — its own
 *    text is there, so a look-alike elsewhere cannot be it;
 * 2. an anchor touched by an edit is looked for, exact and fuzzy, in a window around where the
 *    diff puts it, and accepted there if confident;
 * 3. otherwise in that window plus the stretches of inserted text (a moved passage arrives as
 *    an insertion), with the same ranking and ambiguity rules as `anchor`.
 * In steps 2 and 3 a candidate must be at least `MIN_OWN_TEXT_SHARE` the anchor's own surviving
 * text or inserted text. Selectors that do not match `oldText` are anchored in `newText` with
 * `anchor`. Results are in the order of `selectorsList`; offsets are into `newText`.
 */
export function reanchorAll(
  oldText: string,
  newText: string,
  selectorsList: readonly (readonly Selector[])[],
): AnchorResult[] {
  const map = diffTexts(oldText, newText);
  const { segments } = map;
  const insertions = segments.filter((s) => !s.equal && s.newEnd > s.newStart);
  return selectorsList.map((selectors): AnchorResult => {
    const quote = selectors.find((s): s is TextQuoteSelector => s.type === "TextQuoteSelector");
    const position = selectors.find((s): s is TextPositionSelector => s.type === "TextPositionSelector");
    if (!quote || quote.exact.length === 0) return anchor(newText, selectors);
    const exact = quote.exact;
    let start = position?.start ?? -1;
    if (!position || position.end - start !== exact.length || !oldText.startsWith(exact, start)) {
      const old = anchor(oldText, selectors);
      if (old.status !== "anchored") return anchor(newText, selectors);
      start = old.start;
    }
    const end = start + exact.length;
    const newStart = mapOffset(map, start, "start");
    const newEnd = Math.max(newStart, mapOffset(map, end, "end"));
    const context = { prefix: quote.prefix, suffix: quote.suffix, hint: newStart };

    const segment = segments[findSegment(map, start)];
    if (segment.equal && end <= segment.oldEnd) {
      const kept = scoreMatch(newText, { start: newStart, end: newEnd, errors: 0 }, exact, context);
      const place = { start: newStart, end: newEnd, score: kept.score };
      return kept.score >= ANCHOR_THRESHOLDS.ACCEPT_SCORE
        ? { status: "anchored", ...place }
        : { status: "orphaned", suggestion: place };
    }

    const isOwn = (c: QuoteCandidate) =>
      ownCharacters(segments, c.start, c.end, start, end) >= ANCHOR_THRESHOLDS.MIN_OWN_TEXT_SHARE * (c.end - c.start);
    const maxErrors = maxQuoteErrors(exact.length);
    // A match within budget reaches at most `maxErrors` beyond the text it matches.
    const pad = maxErrors + 1;
    const window = { start: Math.max(0, newStart - pad), end: Math.min(newText.length, newEnd + pad) };
    const local = locateQuote(newText, exact, context, [window], isOwn);
    if (local.status !== "orphaned") return local;
    const regions = withRegion(insertionRegions(insertions, newText.length, exact.length, maxErrors), window);
    const wide = locateQuote(newText, exact, context, regions, isOwn);
    if (wide.status !== "orphaned" || wide.suggestion) return wide;
    return local;
  });
}
