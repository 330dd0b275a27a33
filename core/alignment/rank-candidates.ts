// Ranks sentences and short runs of adjacent sentences of a task's sources as evidence for one claim.
import { ALIGNMENT_WEIGHTS } from "./alignment-weights.ts";
import type { AnalyzedClaim } from "./analyze-claim.ts";
import type { SourceIndex } from "./index-sources.ts";

/** A ranked span: sentences `first..last` of one source, with the evidence behind its score. */
export interface RankedSpan {
  /** Index of the first and last sentence in `SourceIndex.sentences`. */
  first: number;
  last: number;
  /** 0..1. */
  score: number;
  /** Share of the claim's term weight found in the span. */
  coverage: number;
  /** Share of the claim's bigrams found in the span. */
  bigram: number;
  /** Keys of the claim terms found in the span. */
  matched: Set<string>;
}

/** Options of `rankCandidates`. */
export interface RankOptions {
  /** How many spans to return at most. */
  limit?: number;
  weights?: typeof ALIGNMENT_WEIGHTS;
}

// Sentences scored in full (bigrams, context) after a cheap first pass.
const SHORTLIST = 40;

/** Ranks spans of `index` for `claim`, best first; empty when no sentence shares a term with it. */
export function rankCandidates(index: SourceIndex, claim: AnalyzedClaim, options: RankOptions = {}): RankedSpan[] {
  const w = options.weights ?? ALIGNMENT_WEIGHTS;
  const limit = options.limit ?? 10;
  if (claim.totalWeight <= 0) return [];
  const { sentences } = index;
  const matchedWeight = new Map<number, number>();
  const bm25 = new Map<number, number>();
  for (const term of claim.terms) {
    const list = index.postings.get(term.key);
    if (!list) continue;
    for (const i of list) {
      const s = sentences[i];
      const tf = s.terms.get(term.key) ?? 0;
      const norm = w.k1 * (1 - w.b + (w.b * s.length) / index.averageLength);
      matchedWeight.set(i, (matchedWeight.get(i) ?? 0) + term.weight);
      bm25.set(i, (bm25.get(i) ?? 0) + (term.weight * tf * (w.k1 + 1)) / (tf + norm));
    }
  }
  const coverageOf = (i: number) => (matchedWeight.get(i) ?? 0) / claim.totalWeight;
  const first = [...matchedWeight.keys()]
    .map((i) => ({ i, p: coverageOf(i) * w.coverage + ((bm25.get(i) ?? 0) / claim.totalWeight) * w.bm25 }))
    .sort((a, b) => b.p - a.p)
    .slice(0, SHORTLIST);

  const sameSource = (a: number, b: number) => b >= 0 && b < sentences.length && sentences[a].source === sentences[b].source;
  const contextOf = (lo: number, hi: number) =>
    Math.max(sameSource(lo, lo - 1) ? coverageOf(lo - 1) : 0, sameSource(hi, hi + 1) ? coverageOf(hi + 1) : 0);

  const scoreSpan = (lo: number, hi: number): RankedSpan => {
    const matched = new Set<string>();
    const pairs = new Set<string>();
    const tf = new Map<string, number>();
    let length = 0;
    for (let i = lo; i <= hi; i++) {
      const s = sentences[i];
      length += s.length;
      let prev = "";
      let prev2 = "";
      for (const t of s.tokens) {
        if (t.isStop) continue;
        tf.set(t.key, (tf.get(t.key) ?? 0) + 1);
        if (prev) pairs.add(`${prev} ${t.key}`);
        if (prev2) pairs.add(`${prev2} ${t.key}`);
        prev2 = prev;
        prev = t.key;
      }
    }
    let weight = 0;
    let bm = 0;
    const norm = w.k1 * (1 - w.b + (w.b * length) / (index.averageLength * (hi - lo + 1)));
    for (const term of claim.terms) {
      const f = tf.get(term.key);
      if (!f) continue;
      matched.add(term.key);
      weight += term.weight;
      bm += (term.weight * f * (w.k1 + 1)) / (f + norm);
    }
    const coverage = weight / claim.totalWeight;
    const bigram = claim.bigrams.length ? claim.bigrams.filter((b) => pairs.has(b)).length / claim.bigrams.length : coverage;
    const raw =
      w.coverage * coverage + w.bm25 * Math.min(1, bm / claim.totalWeight) + w.bigram * bigram + w.context * contextOf(lo, hi);
    const score = raw / (w.coverage + w.bm25 + w.bigram + w.context) - w.runPenalty * (hi - lo);
    return { first: lo, last: hi, score: Math.max(0, score), coverage, bigram, matched };
  };

  const singles = first.map(({ i }) => scoreSpan(i, i)).sort((a, b) => b.score - a.score);
  const spans: RankedSpan[] = [...singles];
  const seen = new Set(singles.map((s) => `${s.first}:${s.last}`));
  for (const seed of singles.slice(0, w.runSeeds)) {
    const i = seed.first;
    for (const [lo, hi] of [[i - 1, i], [i, i + 1], [i - 2, i], [i - 1, i + 1], [i, i + 2]]) {
      if (!sameSource(i, lo) || !sameSource(i, hi) || seen.has(`${lo}:${hi}`)) continue;
      seen.add(`${lo}:${hi}`);
      // Every sentence of a run must add terms the others lack, else the run is padding.
      let padded = false;
      for (let j = lo; j <= hi && !padded; j++) {
        let gain = 0;
        for (const [key] of sentences[j].terms) {
          const term = claim.terms.find((t) => t.key === key);
          if (!term) continue;
          let elsewhere = false;
          for (let k = lo; k <= hi && !elsewhere; k++) if (k !== j && sentences[k].terms.has(key)) elsewhere = true;
          if (!elsewhere) gain += term.weight;
        }
        padded = gain / claim.totalWeight < w.minRunGain;
      }
      if (!padded) spans.push(scoreSpan(lo, hi));
    }
  }
  spans.sort((a, b) => b.score - a.score || a.last - a.first - (b.last - b.first));
  return spans.slice(0, limit);
}
