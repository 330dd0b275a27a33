// Combines quote, context and position evidence for one candidate into a 0–1 score.
import { contextScore } from "./context-score.ts";
import { MATCH_WEIGHTS } from "./match-weights.ts";
import type { ContextEvidence, QuoteCandidate, QuoteContext, ScoredMatch } from "./types.ts";

/**
 * Scores a candidate place for `quote` in `text`: a weighted mean of the quote's similarity, the
 * prefix's and suffix's agreement with the text beside the candidate, and nearness to
 * `context.hint`. A missing prefix, suffix or hint counts as agreeing (score 1), as in Hypothesis.
 * With `evidence`, each side of the context scores the better of the text's and the evidence's
 * agreement: a side an edit rewrote is then neutral rather than contradicting the candidate.
 */
export function scoreMatch(
  text: string,
  candidate: QuoteCandidate,
  quote: string,
  context: QuoteContext,
  evidence?: ContextEvidence,
): ScoredMatch {
  const { start, end, errors } = candidate;
  const quoteSimilarity = Math.max(0, 1 - errors / quote.length);
  const lengthFactor = Math.min(
    MATCH_WEIGHTS.MAX_QUOTE_LENGTH_FACTOR,
    Math.max(1, quote.length / MATCH_WEIGHTS.LONG_QUOTE_LENGTH),
  );
  const quoteWeight = MATCH_WEIGHTS.QUOTE * lengthFactor;
  const side = (stored: string | undefined, boundary: number, which: "before" | "after"): number => {
    if (stored === undefined) return 1;
    const byText = contextScore(text, boundary, stored, which);
    return evidence && byText < 1 ? Math.max(byText, evidence(boundary, which)) : byText;
  };
  const prefixScore = side(context.prefix, start, "before");
  const suffixScore = side(context.suffix, end, "after");
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
