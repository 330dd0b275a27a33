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
  /** Share of the claim's term weight found within a few adjacent sentences of one source (evidence told over a passage). */
  windowCoverage: number;
  /**
   * How many of the claim's terms the best span holds (a related word counting at its share), over
   * `MATCHED_TERMS_FULL`, at most 1: the amount of evidence, where the coverages give its share. A
   * short claim is covered by chance by a sentence on its topic ("took five years to make the film"),
   * a long one that a sentence backs in part shares many words with it and still a small share.
   */
  matchedTerms: number;
}

/** How many of the best spans `unionCoverage` joins (across sources: one news claim may draw on two articles). */
export const UNION_SPANS = 3;
/** Clauses with fewer content terms are too small to stand for a part of the claim. */
export const MIN_CLAUSE_TERMS = 2;
/** How many adjacent sentences `windowCoverage` joins: a paragraph's worth, where one fact is often told over several sentences. */
export const WINDOW_SENTENCES = 5;
/** How many matched terms make `matchedTerms` 1: a sentence sharing ten content words with a claim is telling of it, whatever the claim's length. */
export const MATCHED_TERMS_FULL = 10;

/** Collects the support features of `claim` from its ranked spans. */
export function supportFeatures(claim: AnalyzedClaim, ranked: readonly RankedSpan[], index: SourceIndex): SupportFeatures {
  if (claim.totalWeight <= 0 || ranked.length === 0) {
    return { sourceCoverage: 0, unionCoverage: 0, clauseCoverage: 0, anchorCoverage: 0, bigram: 0, windowCoverage: 0, matchedTerms: 0 };
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
  let matched = 0;
  for (const share of best.matched.values()) matched += share;
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
    windowCoverage: bestWindowCoverage(claim, index, WINDOW_SENTENCES, ranked),
    matchedTerms: Math.min(1, matched / MATCHED_TERMS_FULL),
  };
}

/**
 * The best share of the claim's term weight that `size` adjacent sentences of one source hold
 * together, each term counted once at its best share (its own key, else a related one). With
 * `around`, only the windows that hold a sentence of those spans are weighed (the ranked spans:
 * a passage that tells the claim holds one of its best sentences, and a large task has thousands
 * of sentences that share a common word with it).
 */
export function bestWindowCoverage(claim: AnalyzedClaim, index: SourceIndex, size: number, around?: readonly RankedSpan[]): number {
  if (claim.totalWeight <= 0) return 0;
  const { sentences } = index;
  // Windows start at a sentence holding some term (or, with `around`, near a ranked span) and end
  // after `size` sentences or at the source's end.
  let starts: number[];
  let wanted: ((i: number) => boolean) | undefined;
  if (around) {
    // The windows holding a sentence of a span start up to `size - 1` sentences before it and reach
    // as far after it.
    const first = new Set<number>();
    const near = new Set<number>();
    for (const span of around) {
      for (let i = Math.max(0, span.first - size + 1); i <= span.last; i++) first.add(i);
      for (let i = Math.max(0, span.first - size + 1); i <= Math.min(sentences.length - 1, span.last + size - 1); i++) near.add(i);
    }
    starts = [...first].sort((x, y) => x - y);
    wanted = (i) => near.has(i);
  } else starts = [];
  // Each term's sentences (those that windows may reach) with the share it earns there, in text order.
  const found = claim.terms.map((term) => {
    const pairs: [number, number][] = [];
    for (const [key, share] of [[term.key, 1] as const, ...term.related.map((r) => [r.key, r.factor] as const)]) {
      for (const i of index.postings.get(key)?.sentences ?? []) if (!wanted || wanted(i)) pairs.push([i, share]);
    }
    return pairs.sort((x, y) => x[0] - y[0]);
  });
  if (!around) starts = [...new Set(found.flatMap((pairs) => pairs.map(([i]) => i)))].sort((x, y) => x - y);
  const ends = starts.map((first) => {
    let end = first + 1;
    while (end < first + size && end < sentences.length && sentences[end].source === sentences[first].source) end++;
    return end;
  });
  const covered = new Float64Array(starts.length);
  claim.terms.forEach((term, t) => {
    const pairs = found[t];
    let p = 0;
    starts.forEach((first, k) => {
      while (p < pairs.length && pairs[p][0] < first) p++;
      let share = 0;
      for (let q = p; q < pairs.length && pairs[q][0] < ends[k]; q++) share = Math.max(share, pairs[q][1]);
      covered[k] += term.weight * share;
    });
  });
  let best = 0;
  for (const weight of covered) best = Math.max(best, weight);
  return best / claim.totalWeight;
}

/** The best share of the weight of the claim terms `keys` that one sentence holds, through their own or related keys. */
function bestSentenceCoverage(keys: readonly string[], claim: AnalyzedClaim, index: SourceIndex): number {
  const { held, stamp } = scratchFor(index);
  const touched: number[] = [];
  let total = 0;
  for (const key of keys) {
    const term = claim.terms.find((t) => t.key === key);
    if (!term) continue;
    total += term.weight;
    // Each sentence earns a term once, at its best share: the term's own key first, then related
    // keys best first.
    const mark = (nextMark = nextMark === 0x7fffffff ? 1 : nextMark + 1);
    const credit = (k: string, share: number) => {
      const posting = index.postings.get(k);
      if (!posting) return;
      for (const i of posting.sentences) {
        if (stamp[i] === mark) continue;
        stamp[i] = mark;
        if (held[i] === 0) touched.push(i);
        held[i] += share * term.weight;
      }
    };
    credit(key, 1);
    for (const related of term.related) credit(related.key, related.factor);
  }
  let best = 0;
  for (const i of touched) {
    if (held[i] > best) best = held[i];
    held[i] = 0;
  }
  return total > 0 ? best / total : 0;
}

// Per-sentence accumulators reused across claims, as in rankCandidates.
const scratch = new WeakMap<SourceIndex, { held: Float64Array; stamp: Int32Array }>();
let nextMark = 0;

function scratchFor(index: SourceIndex): { held: Float64Array; stamp: Int32Array } {
  let buffers = scratch.get(index);
  if (!buffers) {
    buffers = { held: new Float64Array(index.sentences.length), stamp: new Int32Array(index.sentences.length) };
    scratch.set(index, buffers);
  }
  return buffers;
}
