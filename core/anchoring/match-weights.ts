// The weights that combine quote, context and position evidence into one 0–1 match score.

/**
 * Relative weights of each piece of evidence, after Hypothesis's `matchQuote`. The quote's own
 * weight grows with its length (up to `MAX_QUOTE_LENGTH_FACTOR` times), because a long quote says
 * more about where it belongs than 64 characters of context do; short quotes lean on context.
 */
export const MATCH_WEIGHTS = {
  /** Weight of the quote's similarity, for quotes up to `LONG_QUOTE_LENGTH` characters. */
  QUOTE: 50,
  /** Weight of the prefix's similarity to the text just before a candidate. */
  PREFIX: 20,
  /** Weight of the suffix's similarity to the text just after a candidate. */
  SUFFIX: 20,
  /**
   * Weight of nearness to the expected position. Kept small: position is a hint that never
   * outweighs words, and at most `POSITION / total` (about 0.02) — below `AMBIGUITY_MARGIN`, so
   * it cannot on its own pick between two otherwise equal candidates.
   */
  POSITION: 2,
  /** Quote length (code units) from which the quote's weight starts to grow. */
  LONG_QUOTE_LENGTH: 64,
  /** The most the quote's weight can be multiplied by, for quotes of 4 × 64 = 256 or more. */
  MAX_QUOTE_LENGTH_FACTOR: 4,
  /**
   * Score of an empty stored prefix or suffix (the quote was at the start or end of the text)
   * when the candidate is not at that edge: no evidence either way.
   */
  NEUTRAL_CONTEXT: 0.5,
} as const;
