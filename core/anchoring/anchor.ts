// Finds where stored selectors point in a (possibly changed) text: position, then quote, then fuzzy.
import { ANCHOR_THRESHOLDS } from "./anchor-thresholds.ts";
import { locateQuote } from "./locate-quote.ts";
import { scoreMatch } from "./score-match.ts";
import type { AnchorResult, Selector, TextPositionSelector, TextQuoteSelector } from "./types.ts";

/** Options for `anchor`. */
export interface AnchorOptions {
  /** Expected start of the quote, instead of the position selector's `start`. */
  hint?: number;
}

function checkPosition(position: TextPositionSelector): void {
  const { start, end } = position;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
    throw new RangeError(`Invalid TextPositionSelector [${start}, ${end})`);
  }
}

/**
 * Anchors `selectors` (as made by `describe`) in `text`, through a fallback chain:
 * 1. the position, if the text there is still the quote and its context agrees enough;
 * 2. exact occurrences of the quote, ranked by context, with the position as a hint;
 * 3. fuzzy occurrences within an error budget proportional to the quote's length.
 * Never guesses: a weak best, or two about equally good places, give `orphaned` with the best
 * as a suggestion. Without a quote selector nothing can be checked, so a bare position is only
 * ever a suggestion.
 *
 * @throws {RangeError} if a position selector has non-integer, negative or reversed offsets.
 */
export function anchor(text: string, selectors: readonly Selector[], options: AnchorOptions = {}): AnchorResult {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === "TextQuoteSelector");
  const position = selectors.find((s): s is TextPositionSelector => s.type === "TextPositionSelector");
  if (position) checkPosition(position);
  const inBounds = position !== undefined && position.end <= text.length;
  if (!quote || quote.exact.length === 0) {
    if (!position || !inBounds || position.start === position.end) return { status: "orphaned" };
    return { status: "orphaned", suggestion: { start: position.start, end: position.end, score: 0 } };
  }
  const hint = options.hint ?? position?.start;
  const context = { prefix: quote.prefix, suffix: quote.suffix, hint };
  if (position && inBounds && text.startsWith(quote.exact, position.start) && position.end - position.start === quote.exact.length) {
    const there = scoreMatch(text, { start: position.start, end: position.end, errors: 0 }, quote.exact, context);
    if (there.score >= ANCHOR_THRESHOLDS.ACCEPT_SCORE) {
      return { status: "anchored", start: there.start, end: there.end, score: there.score };
    }
  }
  return locateQuote(text, quote.exact, context);
}
