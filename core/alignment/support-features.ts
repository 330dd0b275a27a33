// Measures how much of a claim its best spans and its sources cover: the inputs of the support estimate.
import type { AnalyzedClaim } from "./analyze-claim.ts";
import type { SourceIndex } from "./index-sources.ts";
import type { RankedSpan } from "./rank-candidates.ts";

/** The evidence a support estimate rests on, each 0..1. */
export interface SupportFeatures {
  /** IDF-weighted share of the claim's terms in the best single sentence. */
  sentenceCoverage: number;
  /** The same for the best span of any length (sentence or run). */
  spanCoverage: number;
  /** Share of the claim's names and numbers (by weight) found in the best span; 1 when it has none. */
  anchorCoverage: number;
  /** Share of the claim's term weight found anywhere in the sources. */
  sourceCoverage: number;
  /** Share of the claim's bigrams found in the best span. */
  bigram: number;
}

/** Collects the support features of `claim` from its ranked spans. */
export function supportFeatures(claim: AnalyzedClaim, ranked: readonly RankedSpan[], index: SourceIndex): SupportFeatures {
  if (claim.totalWeight <= 0 || ranked.length === 0) {
    return { sentenceCoverage: 0, spanCoverage: 0, anchorCoverage: 0, sourceCoverage: 0, bigram: 0 };
  }
  let sentenceCoverage = 0;
  let spanCoverage = 0;
  const best = ranked[0];
  for (const span of ranked) {
    if (span.first === span.last) sentenceCoverage = Math.max(sentenceCoverage, span.coverage);
    if (span.coverage > spanCoverage) spanCoverage = span.coverage;
  }
  let anchorTotal = 0;
  let anchorFound = 0;
  let found = 0;
  for (const term of claim.terms) {
    if (index.postings.has(term.key)) found += term.weight;
    if (!term.isName && !term.isNumber) continue;
    anchorTotal += term.weight;
    if (best.matched.has(term.key)) anchorFound += term.weight;
  }
  return {
    sentenceCoverage,
    spanCoverage,
    anchorCoverage: anchorTotal > 0 ? anchorFound / anchorTotal : 1,
    sourceCoverage: found / claim.totalWeight,
    bigram: best.bigram,
  };
}

