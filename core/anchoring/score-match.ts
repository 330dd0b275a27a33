// Combines quote, context and position evidence for one candidate into a 0–1 score.
import { contextScore } from "./context-score.ts";
import { MATCH_WEIGHTS } from "./match-weights.ts";
import type { QuoteCandidate, QuoteContext, ScoredMatch } from "./types.ts";

/**
 * Scores a candidate place for `quote` in `text`: a weighted mean of the quote's similarity, the
 * prefix's and suffix's agreement with the text beside the candidate, and nearness to
 * `context.hint`. A missing prefix, suffix or hint counts as agreeing (score 1), as in Hypothesis.
 */
export function scoreMatch(text: string, candidate: QuoteCandidate, quote: string, context: QuoteContext): ScoredMatch {
  const { start, end, errors } = candidate;
  const quoteSimilarity = Math.max(0, 1 - errors / quote.length);
  const lengthFactor = Math.min(
    MATCH_WEIGHTS.MAX_QUOTE_LENGTH_FACTOR,
    Math.max(1, quote.length / MATCH_WEIGHTS.LONG_QUOTE_LENGTH),
  );
  const quoteWeight = MATCH_WEIGHTS.QUOTE * lengthFactor;
  const prefixScore = context.prefix === undefined ? 1 : contextScore(text, start, context.prefix, "before");
  const suffixScore = context.suffix === undefined ? 1 : contextScore(text, end, context.suffix, "after");
  const positionScore =
    context.hint === undefined ? 1 : Math.max(0, 1 - Math.abs(start - context.hint) / Math.max(1, text.length));
  const total = quoteWeight + MATCH_WEIGHTS.PREFIX + MATCH_WEIGHTS.SUFFIX + MATCH_WEIGHTS.POSITION;
  const score =
    (quoteWeight * quoteSimilarity +
      MATCH_WEIGHTS.PREFIX * prefixScore +
      MATCH_WEIGHTS.SUFFIX * suffixScore +
      MATCH_WEIGHTS.POSITION * positionScore) /
    total;
  return { start, end, score, errors, quoteSimilarity };
}
