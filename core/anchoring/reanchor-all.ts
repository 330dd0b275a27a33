// Re-anchors many selectors from one version of a text to the next, diffing the texts only once.
import { distance } from "fastest-levenshtein";
import { anchor } from "./anchor.ts";
import { ANCHOR_THRESHOLDS } from "./anchor-thresholds.ts";
import { diffTexts } from "./diff-texts.ts";
import { diffContextScore } from "./diff-context-score.ts";
import { findSegment } from "./find-segment.ts";
import { keptSpan, solidLength, type KeptSpan } from "./kept-span.ts";
import { locateQuote } from "./locate-quote.ts";
import { mapOffset } from "./map-offset.ts";
import { MATCH_WEIGHTS } from "./match-weights.ts";
import { maxQuoteErrors } from "./max-quote-errors.ts";
import { ownCharacters } from "./own-characters.ts";
import { scoreMatch } from "./score-match.ts";
import { seedIndex, type SeedIndex } from "./seed-index.ts";
import type {
  AnchorResult,
  ContextEvidence,
  QuoteCandidate,
  QuoteContext,
  SearchRegion,
  Selector,
  TextPositionSelector,
  TextQuoteSelector,
} from "./types.ts";

/** Sorts and merges overlapping or touching regions. */
function mergeRegions(regions: SearchRegion[]): SearchRegion[] {
  const merged: SearchRegion[] = [];
  for (const r of regions.sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/**
 * The new text that the diff says descends from a quote, as a `changed` (or `anchored`) result,
 * or `null` if the diff's word is not enough: the quote must be long enough to be matched fuzzily,
 * the diff must have kept at least `MIN_KEPT_QUOTE_SHARE` of it, and those kept characters must
 * make up at least `MIN_KEPT_SPAN_SHARE` of the stretch from the first to the last of them (the
 * rest is text inserted inside the quote). A diff keeps only text that is there verbatim and in
 * order, so this needs no error budget: it is how a quote with several words inserted inside it,
 * too many for the fuzzy search, is still found. Whitespace the quote did not have is trimmed
 * from the edges.
 */
function descendant(
  newText: string,
  exact: string,
  span: KeptSpan,
  context: QuoteContext,
  evidence: ContextEvidence,
): AnchorResult | null {
  if (exact.length < ANCHOR_THRESHOLDS.MIN_FUZZY_QUOTE_LENGTH) return null;
  if (span.kept < ANCHOR_THRESHOLDS.MIN_KEPT_QUOTE_SHARE * solidLength(exact, 0, exact.length)) return null;
  if (span.kept < ANCHOR_THRESHOLDS.MIN_KEPT_SPAN_SHARE * solidLength(newText, span.start, span.end)) return null;
  // The context must not contradict the stretch: what the diff kept of it lies right beside it.
  if (evidence(span.start, "before") === 0 || evidence(span.end, "after") === 0) return null;
  let { start, end } = span;
  if (!/^\s/.test(exact)) while (start < end && /\s/.test(newText[start])) start += 1;
  if (!/\s$/.test(exact)) while (end > start && /\s/.test(newText[end - 1])) end -= 1;
  if (end <= start) return null;
  const found = newText.slice(start, end);
  const { score } = scoreMatch(newText, { start, end, errors: distance(exact, found) }, exact, context, evidence);
  if (found === exact) return { status: "anchored", start, end, score };
  return { status: "changed", start, end, score, oldText: exact, newText: found };
}

/**
 * Re-anchors each entry of `selectorsList` (selectors describing `oldText`, as made by
 * `describe`) in `newText`. The texts are diffed once and each anchor is carried through the
 * diff. Near the old place, context is scored through the diff as well as by its text (see
 * `diffContextScore`): context the edit deleted or rewrote is neutral rather than disagreeing.
 * 1. an anchor whose text the diff kept whole moves with it; it is `anchored` if its context
 *    does not contradict it (`MAPPED_ACCEPT_SCORE`), else orphaned with that place as the
 *    suggestion — its own text is there, so a look-alike elsewhere cannot be it;
 * 2. an anchor touched by an edit is looked for, exact and fuzzy, in a window around where the
 *    diff puts it, and accepted there if confident (`ACCEPT_SCORE`: a fuzzy match beside
 *    an edit may be a truncated one, so its context must agree); failing that, the stretch of
 *    new text the diff says descends from it is taken as `changed` if it is mostly the quote's
 *    own kept words and its context lies right beside it (see `descendant`);
 * 3. if the diff deleted most of its text from there, in that window plus the insertions
 *    where it may have moved (if most of it is still in place, it did not move): a moved passage
 *    arrives as one insertion at least as long as its match, holding a verbatim seed of it
 *    (see `seedIndex`; short quotes are looked for in every insertion), and only if the quote
 *    occurs once in `oldText` (else a copy could be another passage's). The same ranking and
 *    ambiguity rules as `anchor` apply (`ACCEPT_SCORE`).
 * In steps 2 and 3 a candidate must be at least `MIN_OWN_TEXT_SHARE` the anchor's own surviving
 * text or inserted text: kept text from elsewhere is another passage that was already there.
 * Selectors that do not match `oldText` are anchored in `newText` with `anchor`.
 * Results are in the order of `selectorsList`; offsets are into `newText`.
 */
export function reanchorAll(
  oldText: string,
  newText: string,
  selectorsList: readonly (readonly Selector[])[],
): AnchorResult[] {
  const map = diffTexts(oldText, newText);
  const { segments } = map;
  const insertions = segments.filter((s) => !s.equal && s.newEnd > s.newStart);
  let seeds: SeedIndex | undefined;

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
    // The stored context is the old text beside the quote, so the diff tells where each of its
    // characters went (only if it still matches: a stale selector's context may not).
    const prefixFrom = start - quote.prefix.length;
    const throughDiff =
      prefixFrom >= 0 && oldText.startsWith(quote.prefix, prefixFrom) && oldText.startsWith(quote.suffix, end);
    const evidence: ContextEvidence | undefined = throughDiff
      ? (boundary, side) => {
          const from = side === "before" ? prefixFrom : end;
          const to = side === "before" ? start : end + quote.suffix.length;
          // An empty context (the quote touched an edge of the text) is no evidence either way.
          return from === to ? MATCH_WEIGHTS.NEUTRAL_CONTEXT : diffContextScore(map, from, to, boundary, side);
        }
      : undefined;

    const segment = segments[findSegment(map, start)];
    if (segment.equal && end <= segment.oldEnd) {
      const kept = scoreMatch(newText, { start: newStart, end: newEnd, errors: 0 }, exact, context, evidence);
      const place = { start: newStart, end: newEnd, score: kept.score };
      return kept.score >= ANCHOR_THRESHOLDS.MAPPED_ACCEPT_SCORE
        ? { status: "anchored", ...place }
        : { status: "orphaned", suggestion: place };
    }

    const isOwn = (c: QuoteCandidate) =>
      ownCharacters(segments, c.start, c.end, start, end) >= ANCHOR_THRESHOLDS.MIN_OWN_TEXT_SHARE * (c.end - c.start);
    const maxErrors = maxQuoteErrors(exact.length);
    // A match within budget reaches at most `maxErrors` beyond the text it matches.
    const window = { start: Math.max(0, newStart - maxErrors - 1), end: Math.min(newText.length, newEnd + maxErrors + 1) };
    const local = locateQuote(newText, exact, context, { regions: [window], isCandidate: isOwn, contextEvidence: evidence });
    if (local.status !== "orphaned") return local;

    const span = keptSpan(map, oldText, start, end);
    const descended = span && evidence && descendant(newText, exact, span, context, evidence);
    if (descended) return descended;
    // Still mostly in place (edited beyond recognition)? Then it did not move, and a look-alike
    // in inserted text elsewhere is another passage.
    let keptInPlace = 0;
    for (let i = findSegment(map, start); i < segments.length && segments[i].oldStart < end; i += 1) {
      const s = segments[i];
      if (s.equal) keptInPlace += Math.max(0, Math.min(end, s.oldEnd) - Math.max(start, s.oldStart));
    }
    if (keptInPlace >= ANCHOR_THRESHOLDS.MIN_OWN_TEXT_SHARE * exact.length) return local;

    seeds ??= seedIndex(newText, insertions);
    // Too short for a seed: only a verbatim copy is looked for (a short quote both moved and
    // edited is too little to go on, and searching all inserted text for each is slow).
    const holders = exact.length >= seeds.minQuoteLength ? seeds.holding(exact) : seeds.holdingExactly(exact);
    const regions = [window];
    for (const i of holders) {
      const s = insertions[i];
      if (s.newEnd - s.newStart >= exact.length - maxErrors) {
        regions.push({ start: Math.max(0, s.newStart - maxErrors), end: Math.min(newText.length, s.newEnd + maxErrors) });
      }
    }
    if (regions.length === 1) return local;
    const wide = locateQuote(newText, exact, context, { regions: mergeRegions(regions), isCandidate: isOwn });
    if (wide.status === "orphaned" && !wide.suggestion) return local;
    // A copy arriving elsewhere can only be taken for this passage if no other old passage
    // could have supplied it. (Checked last: it reads the whole old text.)
    const first = oldText.indexOf(exact);
    return first !== -1 && oldText.indexOf(exact, first + 1) !== -1 ? local : wide;
  });
}
