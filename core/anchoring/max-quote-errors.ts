// The fuzzy search's error budget for a quote, proportional to its length.
import { ANCHOR_THRESHOLDS } from "./anchor-thresholds.ts";

/**
 * How many edits (insertions, deletions, substitutions) a fuzzy match of a quote of `length`
 * code units may have: as many as still leave it `MIN_QUOTE_SIMILARITY` alike, capped at
 * `MAX_ERRORS`; none for quotes shorter than `MIN_FUZZY_QUOTE_LENGTH`.
 */
export function maxQuoteErrors(length: number): number {
  if (length < ANCHOR_THRESHOLDS.MIN_FUZZY_QUOTE_LENGTH) return 0;
  const budget = Math.floor(length * (1 - ANCHOR_THRESHOLDS.MIN_QUOTE_SIMILARITY) + 1e-9);
  return Math.max(0, Math.min(ANCHOR_THRESHOLDS.MAX_ERRORS, budget));
}
