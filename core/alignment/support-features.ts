// Measures how much of a claim its best spans and its sources cover: the inputs of the support estimate.
import type { AnalyzedClaim } from "./analyze-claim.ts";
import type { SourceIndex } from "./index-sources.ts";
import type { RankedSpan } from "./rank-candidates.ts";

/** The evidence a support estimate rests on, each 0..1; related words count at their share. */
export interface SupportFeatures {
  /** Share of the claim's term weight found anywhere in the sources. */
  sourceCoverage: number;
  /** Share of the claim's term weight found in the best few spans together (a claim drawn from several places). */
  unionCoverage: number;
  /** The best coverage of one part of the claim (a clause of two terms or more) by one sentence. */
  clauseCoverage: number;
  /** Share of the claim's names and numbers (by weight) found in the best span; 1 when it has none. */
  anchorCoverage: number;
  /** Share of the claim's bigrams found in the best span. */
  bigram: number;
}

/** How many of the best spans `unionCoverage` joins (across sources: one news claim may draw on two articles). */
export const UNION_SPANS = 3;
/** Clauses with fewer content terms are too small to stand for a part of the claim. */
export const MIN_CLAUSE_TERMS = 2;

/** Collects the support features of `claim` from its ranked spans. */
export function supportFeatures(claim: AnalyzedClaim, ranked: readonly RankedSpan[], index: SourceIndex): SupportFeatures {
  if (claim.totalWeight <= 0 || ranked.length === 0) {
    return { sourceCoverage: 0, unionCoverage: 0, clauseCoverage: 0, anchorCoverage: 0, bigram: 0 };
  }
  const best = ranked[0];
  const union = new Map<string, number>();
  for (const span of ranked.slice(0, UNION_SPANS)) {
    for (const [key, share] of span.matched) union.set(key, Math.max(union.get(key) ?? 0, share));
  }
  let anchorTotal = 0;
  let anchorFound = 0;
  let found = 0;
  let unionWeight = 0;
  for (const term of claim.terms) {
    found += term.weight * (index.postings.has(term.key) ? 1 : (term.related[0]?.factor ?? 0));
    unionWeight += term.weight * (union.get(term.key) ?? 0);
    if (!term.isName && !term.isNumber) continue;
    anchorTotal += term.weight;
    anchorFound += term.weight * (best.matched.get(term.key) ?? 0);
  }
  let clauseCoverage = 0;
  for (const clause of claim.clauses) {
    if (clause.length >= MIN_CLAUSE_TERMS) clauseCoverage = Math.max(clauseCoverage, bestSentenceCoverage(clause, claim, index));
  }
  return {
    sourceCoverage: found / claim.totalWeight,
    unionCoverage: unionWeight / claim.totalWeight,
    clauseCoverage,
    anchorCoverage: anchorTotal > 0 ? anchorFound / anchorTotal : 1,
    bigram: best.bigram,
  };
}

/** The best share of the weight of the claim terms `keys` that one sentence holds, through their own or related keys. */
function bestSentenceCoverage(keys: readonly string[], claim: AnalyzedClaim, index: SourceIndex): number {
  let total = 0;
  const got = new Map<number, number>();
  for (const key of keys) {
    const term = claim.terms.find((t) => t.key === key);
    if (!term) continue;
    total += term.weight;
    // Each sentence earns a term once, at its best share.
    const earned = new Map<number, number>();
    const credit = (k: string, share: number) => {
      for (const i of index.postings.get(k)?.sentences ?? []) if ((earned.get(i) ?? 0) < share) earned.set(i, share);
    };
    credit(key, 1);
    for (const related of term.related) credit(related.key, related.factor);
    for (const [i, share] of earned) got.set(i, (got.get(i) ?? 0) + share * term.weight);
  }
  let best = 0;
  for (const weight of got.values()) best = Math.max(best, weight);
  return total > 0 ? best / total : 0;
}
