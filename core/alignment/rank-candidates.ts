// Ranks sentences and short runs of adjacent sentences of a task's sources as evidence for one claim.
import { ALIGNMENT_WEIGHTS, type AlignmentWeights } from "./alignment-weights.ts";
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
  /** Keys of the claim terms found in the span → the share of their weight earned (1, or less through a related word). */
  matched: Map<string, number>;
}

/** Options of `rankCandidates`. */
export interface RankOptions {
  /** How many spans to return at most. */
  limit?: number;
  weights?: AlignmentWeights;
}

// Sentences scored in full (bigrams, context) after a cheap first pass.
const SHORTLIST = 40;

/** Ranks spans of `index` for `claim`, best first; empty when no sentence shares a term with it. */
export function rankCandidates(index: SourceIndex, claim: AnalyzedClaim, options: RankOptions = {}): RankedSpan[] {
  const w = options.weights ?? ALIGNMENT_WEIGHTS;
  const limit = options.limit ?? 10;
  if (claim.totalWeight <= 0) return [];
  const { sentences } = index;
  const { matchedWeight, bm25, stamp } = scratchFor(index);
  const norms = lengthNorms(index, w.k1, w.b);
  const touched: number[] = [];
  for (const term of claim.terms) {
    // A sentence earns each term once, through its best key: the term itself, else a related key.
    const mark = nextMark();
    const credit = (key: string, share: number) => {
      const posting = index.postings.get(key);
      if (!posting) return;
      const weight = term.weight * share;
      for (let p = 0; p < posting.sentences.length; p++) {
        const i = posting.sentences[p];
        if (stamp[i] === mark) continue;
        stamp[i] = mark;
        const tf = posting.counts[p];
        if (matchedWeight[i] === 0) touched.push(i);
        matchedWeight[i] += weight;
        bm25[i] += (weight * tf * (w.k1 + 1)) / (tf + norms[i]);
      }
    };
    credit(term.key, 1);
    for (const related of term.related) credit(related.key, related.factor);
  }
  const coverageOf = (i: number) => matchedWeight[i] / claim.totalWeight;
  const first = shortlist(touched, (i) => matchedWeight[i] * w.coverage + bm25[i] * w.bm25, SHORTLIST);

  const sameSource = (a: number, b: number) => b >= 0 && b < sentences.length && sentences[a].source === sentences[b].source;
  const contextOf = (lo: number, hi: number) =>
    Math.max(sameSource(lo, lo - 1) ? coverageOf(lo - 1) : 0, sameSource(hi, hi + 1) ? coverageOf(hi + 1) : 0);

  const termWeight = new Map(claim.terms.map((t) => [t.key, t.weight]));
  // Every key that stands for claim terms: a term's own (share 1) and its related keys. A key
  // stands for one term, but an acronym for each word of its name.
  const termOf = new Map<string, { term: string; share: number }[]>();
  for (const term of claim.terms) termOf.set(term.key, [{ term: term.key, share: 1 }]);
  for (const term of claim.terms) {
    for (const related of term.related) {
      const known = termOf.get(related.key);
      const hit = { term: term.key, share: related.factor };
      if (!known) termOf.set(related.key, [hit]);
      else if (related.acronym && known.every((k) => k.share < 1)) known.push(hit);
      else if (known.length === 1 && known[0].share < related.factor) known[0] = hit;
    }
  }
  // Claim bigrams as first key → second keys, checked against the span's term sequence.
  const bigramsByFirst = new Map<string, string[]>();
  for (const pair of claim.bigrams) {
    const [a, b] = pair.split(" ");
    const list = bigramsByFirst.get(a);
    if (list) list.push(b);
    else bigramsByFirst.set(a, [b]);
  }

  const scoreSpan = (lo: number, hi: number): RankedSpan => {
    const tf = new Map<string, number>();
    const share = new Map<string, number>();
    const foundPairs = new Set<string>();
    let length = 0;
    for (let i = lo; i <= hi; i++) {
      const keys = sentences[i].keys;
      length += keys.length;
      for (let k = 0; k < keys.length; k++) {
        const hits = termOf.get(keys[k]);
        if (!hits) continue;
        for (const hit of hits) {
          const key = hit.term;
          tf.set(key, (tf.get(key) ?? 0) + 1);
          if ((share.get(key) ?? 0) < hit.share) share.set(key, hit.share);
          const seconds = bigramsByFirst.get(key);
          if (!seconds) continue;
          // A bigram counts when its second term follows within two content words.
          for (let next = k + 1; next <= k + 2 && next < keys.length; next++) {
            for (const second of termOf.get(keys[next]) ?? []) {
              if (seconds.includes(second.term)) foundPairs.add(`${key} ${second.term}`);
            }
          }
        }
      }
    }
    let weight = 0;
    let bm = 0;
    const matched = new Map<string, number>();
    const norm = w.k1 * (1 - w.b + (w.b * length) / (index.averageLength * (hi - lo + 1)));
    for (const [key, f] of tf) {
      const earned = share.get(key) ?? 0;
      const termW = (termWeight.get(key) ?? 0) * earned;
      matched.set(key, earned);
      weight += termW;
      bm += (termW * f * (w.k1 + 1)) / (f + norm);
    }
    const coverage = weight / claim.totalWeight;
    const bigram = claim.bigrams.length ? foundPairs.size / claim.bigrams.length : coverage;
    const raw =
      w.coverage * coverage + w.bm25 * Math.min(1, bm / claim.totalWeight) + w.bigram * bigram + w.context * contextOf(lo, hi);
    const score = raw / (w.coverage + w.bm25 + w.bigram + w.context) - w.runPenalty * (hi - lo);
    return { first: lo, last: hi, score: Math.max(0, score), coverage, bigram, matched };
  };

  const singles = first.map(({ i }) => scoreSpan(i, i)).sort((a, b) => b.score - a.score);
  const spans: RankedSpan[] = [...singles];
  // The claim terms a sentence holds (through any key), with the weight each earns there.
  const termsOfSentence = new Map<number, Map<string, number>>();
  const termsOf = (i: number) => {
    let terms = termsOfSentence.get(i);
    if (!terms) {
      terms = new Map();
      for (const key of sentences[i].keys) {
        for (const hit of termOf.get(key) ?? []) {
          terms.set(hit.term, Math.max(terms.get(hit.term) ?? 0, (termWeight.get(hit.term) ?? 0) * hit.share));
        }
      }
      termsOfSentence.set(i, terms);
    }
    return terms;
  };
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
        const own = termsOf(j);
        for (const [term, weight] of own) {
          let elsewhere = false;
          for (let k = lo; k <= hi && !elsewhere; k++) if (k !== j && termsOf(k).has(term)) elsewhere = true;
          if (!elsewhere) gain += weight;
        }
        padded = gain / claim.totalWeight < w.minRunGain;
      }
      if (!padded) spans.push(scoreSpan(lo, hi));
    }
  }
  for (const i of touched) {
    matchedWeight[i] = 0;
    bm25[i] = 0;
  }
  spans.sort((a, b) => b.score - a.score || a.last - a.first - (b.last - b.first));
  // Each candidate should point at another place: a span nested in a better one (a sentence of a
  // better run) or holding one (a run around a better sentence) shows nothing new, and would push
  // other places out of the first few.
  const kept: RankedSpan[] = [];
  for (const span of spans) {
    if (kept.length === limit) break;
    const nested = kept.some((k) => (k.first <= span.first && span.last <= k.last) || (span.first <= k.first && k.last <= span.last));
    if (!nested) kept.push(span);
  }
  return kept;
}

// Per-sentence accumulators, allocated once per index and cleared after each claim: allocating
// them for every claim of a large task cost more than the ranking itself.
interface Scratch {
  matchedWeight: Float64Array;
  bm25: Float64Array;
  /** The mark of the last term that credited the sentence (see `nextMark`). */
  stamp: Int32Array;
  /** BM25's length normalisation of each sentence, for the `k1` and `b` it was computed with. */
  norms?: { k1: number; b: number; values: Float64Array };
}

/** BM25's per-sentence length normalisation, computed once per index (and per `k1`, `b`). */
function lengthNorms(index: SourceIndex, k1: number, b: number): Float64Array {
  const buffers = scratchFor(index);
  if (buffers.norms?.k1 !== k1 || buffers.norms.b !== b) {
    const values = new Float64Array(index.sentences.length);
    index.sentences.forEach((sentence, i) => (values[i] = k1 * (1 - b + (b * sentence.length) / index.averageLength)));
    buffers.norms = { k1, b, values };
  }
  return buffers.norms.values;
}
const scratch = new WeakMap<SourceIndex, Scratch>();

function scratchFor(index: SourceIndex): Scratch {
  let buffers = scratch.get(index);
  if (!buffers) {
    const n = index.sentences.length;
    buffers = { matchedWeight: new Float64Array(n), bm25: new Float64Array(n), stamp: new Int32Array(n) };
    scratch.set(index, buffers);
  }
  return buffers;
}

// Marks only grow, so stamps never need clearing; marks are unique across indexes as well.
let mark = 0;
function nextMark(): number {
  mark = mark === 0x7fffffff ? 1 : mark + 1;
  return mark;
}

/** The `size` items with the highest `value`, best first, without sorting them all. */
function shortlist(items: readonly number[], value: (item: number) => number, size: number): { i: number; p: number }[] {
  const best: { i: number; p: number }[] = [];
  for (const i of items) {
    const p = value(i);
    if (best.length === size && p <= best[size - 1].p) continue;
    let at = best.length;
    while (at > 0 && best[at - 1].p < p) at--;
    best.splice(at, 0, { i, p });
    if (best.length > size) best.pop();
  }
  return best;
}
