// Finds the place in a text that best fits a quote and its context, as Hypothesis's `matchQuote`.
import { locateQuote } from "./locate-quote.ts";
import type { Match, QuoteContext } from "./types.ts";

/**
 * The best-scoring place for `quote` in `text`, exact or within the fuzzy error budget, scored
 * 0–1 against `context` (`prefix`, `suffix`, `hint` = expected start); `null` if none is within
 * budget. It applies no acceptance threshold: use `anchor` to decide whether to show a highlight.
 */
export function matchQuote(text: string, quote: string, context: QuoteContext = {}): Match | null {
  const result = locateQuote(text, quote, context);
  if (result.status === "orphaned") return result.suggestion ?? null;
  return { start: result.start, end: result.end, score: result.score };
}
