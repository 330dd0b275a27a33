// Attributes each claim of a task to the source spans that back it, with support, quote checks and mismatches, in one call or batch by batch.
import { ALIGNMENT_WEIGHTS, type AlignmentWeights } from "./alignment-weights.ts";
import { analyzeClaim } from "./analyze-claim.ts";
import { checkQuote } from "./check-quote.ts";
import { estimateSupport } from "./estimate-support.ts";
import { findMismatches } from "./find-mismatches.ts";
import { findQuotedPassages } from "./find-quoted-passages.ts";
import type { SentenceSplitter } from "./index-sources.ts";
import { assertUniqueIds, prepareSources, type PreparedSources } from "./prepare-sources.ts";
import { rankCandidates } from "./rank-candidates.ts";
import { tokenizeWords } from "./tokenize-words.ts";
import { suggestVerdict } from "./suggest-verdict.ts";
import { supportFeatures } from "./support-features.ts";
import type { AlignClaim, AlignTask, Candidate, ClaimAlignment } from "./types.ts";

/** Options of `alignClaims` and `alignClaimBatch`. */
export interface AlignOptions {
  /** How many candidates to return per claim (default 10). */
  candidates?: number;
  /** Sentence boundaries (default: `splitSentences`); `alignClaims` only, else see `prepareSources`. */
  split?: SentenceSplitter;
  weights?: AlignmentWeights;
}

// Mismatches are looked for only in spans that cover this much of the claim: below it a span is
// not "about the same thing" and a differing number there is no disagreement.
const MISMATCH_MIN_COVERAGE = 0.35;
// How many of the best candidates are checked for mismatches.
const MISMATCH_CANDIDATES = 3;

/**
 * Aligns every claim of `task` with its sources: `prepareSources`, then one `alignClaimBatch`
 * over all the claims. Throws `RangeError` when two sources or two claims share an id.
 */
export function alignClaims(task: AlignTask, options: AlignOptions = {}): ClaimAlignment[] {
  assertUniqueIds("claim", task.claims);
  return alignClaimBatch(prepareSources(task.sources, { split: options.split }), task.claims, options);
}

/**
 * Aligns `claims` against sources prepared once with `prepareSources`, for callers that work
 * through a large briefing a slice at a time (to report "claims done of total" and store each
 * slice as it is ready):
 *
 *     const prepared = prepareSources(sources);
 *     for (let done = 0; done < claims.length; done += 100) {
 *       const slice = claims.slice(done, done + 100);
 *       store(alignClaimBatch(prepared, slice));
 *       report(done + slice.length, claims.length);
 *     }
 *
 * Each claim is aligned on its own, so any split into batches gives the same answers as one
 * `alignClaims` call. Answers come in the order of `claims`. Throws `RangeError` when two
 * claims of the batch share an id (ids across batches are the caller's to keep apart).
 */
export function alignClaimBatch(prepared: PreparedSources, claims: readonly AlignClaim[], options: AlignOptions = {}): ClaimAlignment[] {
  assertUniqueIds("claim", claims);
  const weights = options.weights ?? ALIGNMENT_WEIGHTS;
  const { index, sources, quotes: quoteSources } = prepared;
  return claims.map((claim) => {
    const analyzed = analyzeClaim(claim.text, index, weights);
    const ranked = rankCandidates(index, analyzed, { limit: options.candidates ?? 10, weights });
    const support = estimateSupport(supportFeatures(analyzed, ranked, index));
    const candidates: Candidate[] = ranked.map((span, rank) => {
      const first = index.sentences[span.first];
      const last = index.sentences[span.last];
      const source = sources[first.source];
      const candidate: Candidate = {
        sourceId: source.id,
        start: first.start,
        end: last.end,
        score: round(span.score),
        sentences: span.last - span.first + 1,
      };
      if (rank < MISMATCH_CANDIDATES && span.coverage >= MISMATCH_MIN_COVERAGE) {
        const spanTokens = tokenizeWords(source.text, first.start, last.end);
        const mismatches = findMismatches({ text: claim.text, tokens: analyzed.tokens }, { text: source.text, tokens: spanTokens });
        if (mismatches.length > 0) candidate.mismatches = mismatches;
      }
      return candidate;
    });
    return {
      id: claim.id,
      support: round(support),
      verdict: suggestVerdict(support),
      candidates,
      quotes: findQuotedPassages(claim.text).map((passage) => checkQuote(passage, quoteSources)),
      mismatches: candidates[0]?.mismatches ?? [],
    };
  });
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
