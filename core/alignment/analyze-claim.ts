// Turns a claim into weighted content terms (IDF over the task's sentences, names and numbers boosted).
import { ALIGNMENT_WEIGHTS } from "./alignment-weights.ts";
import type { SourceIndex } from "./index-sources.ts";
import { tokenizeWords, type WordToken } from "./tokenize-words.ts";

/** One distinct content term of a claim and how much evidence matching it gives. */
export interface ClaimTerm {
  key: string;
  /** IDF times the name or number boost. */
  weight: number;
  isNumber: boolean;
  isName: boolean;
}

/** A claim reduced to what the ranking needs. */
export interface AnalyzedClaim {
  tokens: WordToken[];
  terms: ClaimTerm[];
  /** Sum of the term weights (the denominator of coverage). */
  totalWeight: number;
  /** Adjacent content-term pairs ("a b"), in claim order, distinct. */
  bigrams: string[];
}

/** BM25's IDF, with terms absent from every sentence weighed like terms present once. */
export function inverseDocumentFrequency(documentFrequency: number, sentenceCount: number): number {
  const df = Math.max(1, documentFrequency);
  return Math.log(1 + (sentenceCount - df + 0.5) / (df + 0.5));
}

/** Analyses `text` against the sentence statistics of `index`. */
export function analyzeClaim(text: string, index: SourceIndex, weights = ALIGNMENT_WEIGHTS): AnalyzedClaim {
  const tokens = tokenizeWords(text);
  const n = Math.max(index.sentences.length, 1);
  const byKey = new Map<string, ClaimTerm>();
  const content = tokens.filter((t) => !t.isStop);
  for (const token of content) {
    const known = byKey.get(token.key);
    const isName = token.isCapitalized && !token.isNumber;
    if (known) {
      known.isName ||= isName;
      continue;
    }
    byKey.set(token.key, { key: token.key, weight: 0, isNumber: token.isNumber, isName });
  }
  let totalWeight = 0;
  for (const term of byKey.values()) {
    const idf = inverseDocumentFrequency(index.postings.get(term.key)?.sentences.length ?? 0, n);
    term.weight = idf * (term.isNumber ? weights.numberBoost : term.isName ? weights.nameBoost : 1);
    totalWeight += term.weight;
  }
  const bigrams = new Set<string>();
  for (let i = 1; i < content.length; i++) {
    if (content[i - 1].key !== content[i].key) bigrams.add(`${content[i - 1].key} ${content[i].key}`);
  }
  return { tokens, terms: [...byKey.values()], totalWeight, bigrams: [...bigrams] };
}
