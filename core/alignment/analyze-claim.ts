// Turns a claim into weighted content terms (IDF over the task's sentences, names and numbers boosted).
import { ALIGNMENT_WEIGHTS, type AlignmentWeights } from "./alignment-weights.ts";
import type { SourceIndex } from "./index-sources.ts";
import { readAcronyms } from "./read-acronyms.ts";
import { relatedKeys } from "./related-keys.ts";
import { tokenizeWords, type WordToken } from "./tokenize-words.ts";

/** One distinct content term of a claim and how much evidence matching it gives. */
export interface ClaimTerm {
  key: string;
  /** IDF times the name or number boost. */
  weight: number;
  isNumber: boolean;
  isName: boolean;
  /** Other keys of the sources that match this term in part (synonyms, derivations), best first. */
  related: RelatedMatch[];
}

/** A source key that stands for a claim term with a share of its weight. */
export interface RelatedMatch {
  key: string;
  /** 0..1: the share of the term's weight it earns. */
  factor: number;
  /** The acronym of a name the term is a word of: it stands for every word of the name at once. */
  acronym?: true;
}

/** A claim reduced to what the ranking needs. */
export interface AnalyzedClaim {
  tokens: WordToken[];
  terms: ClaimTerm[];
  /** Sum of the term weights (the denominator of coverage). */
  totalWeight: number;
  /** Adjacent content-term pairs ("a b"), in claim order, distinct. */
  bigrams: string[];
  /** The keys of the claim's clauses (parts between commas, semicolons, "and", "which"…), each distinct, in order. */
  clauses: string[][];
}

// Words that open a new part of a claim: a source may back one part and not another.
const CLAUSE_WORDS = new Set(["and", "but", "while", "whereas", "which", "who", "whom", "although", "though", "because", "after", "before", "where", "when"]);
const CLAUSE_MARK = /[,;:()\[\]—–]|\s-\s/;

/** BM25's IDF, with terms absent from every sentence weighed like terms present once. */
export function inverseDocumentFrequency(documentFrequency: number, sentenceCount: number): number {
  const df = Math.max(1, documentFrequency);
  return Math.log(1 + (sentenceCount - df + 0.5) / (df + 0.5));
}

// A capital opening a sentence says nothing about a name ("Without dialogue, …", "Each event …").
function opensSentence(text: string, tokens: readonly WordToken[], token: WordToken): boolean {
  const at = tokens.indexOf(token);
  const before = text.slice(at > 0 ? tokens[at - 1].end : 0, token.start);
  return at === 0 || /[.!?]/.test(before);
}

// A word WordNet links to others is a common word, whatever its case; a name it does not know.
function isCommonWord(token: WordToken): boolean {
  return token.text !== token.text.toUpperCase() && relatedKeys(token.key).length > 0;
}

/** Analyses `text` against the sentence statistics of `index`. */
export function analyzeClaim(text: string, index: SourceIndex, weights: AlignmentWeights = ALIGNMENT_WEIGHTS): AnalyzedClaim {
  const tokens = tokenizeWords(text);
  const n = Math.max(index.sentences.length, 1);
  const byKey = new Map<string, ClaimTerm>();
  const content = tokens.filter((t) => !t.isStop);
  for (const token of content) {
    const known = byKey.get(token.key);
    const isName = token.isCapitalized && !token.isNumber && !(opensSentence(text, tokens, token) && isCommonWord(token));
    if (known) {
      known.isName ||= isName;
      continue;
    }
    byKey.set(token.key, { key: token.key, weight: 0, isNumber: token.isNumber, isName, related: [] });
  }
  let totalWeight = 0;
  for (const term of byKey.values()) {
    const idf = inverseDocumentFrequency(index.postings.get(term.key)?.sentences.length ?? 0, n);
    term.weight = idf * (term.isNumber ? weights.numberBoost : term.isName ? weights.nameBoost : 1);
    totalWeight += term.weight;
  }
  // A related key counts only where the sources have it and it is no term of the claim itself (that
  // one is matched in full already). Names keep only their derivations ("Mexican" → "Mexico"): a
  // name's synonyms are another word's ("Bush" → "shrub"); numbers have none.
  for (const term of byKey.values()) {
    if (term.isNumber) continue;
    for (const { key, kind } of relatedKeys(term.key)) {
      if (byKey.has(key) || !index.postings.has(key) || (term.isName && kind === "synonym")) continue;
      const factor = kind === "derivation" ? weights.derivationMatch : weights.synonymMatch;
      if (factor > 0) term.related.push({ key, factor });
    }
    term.related.sort((a, b) => b.factor - a.factor);
  }
  // A source may call a name of the claim by its acronym ("Sactwu" for "Southern African Clothing
  // and Textile Workers Union"): the acronym stands for each of the name's words.
  const acronyms = readAcronyms();
  tokens.forEach((token, i) =>
    acronyms.push({
      text: token.text,
      key: token.key,
      isNameWord: token.isCapitalized && !token.isStop && !token.isNumber,
      joined: i > 0 && text.slice(tokens[i - 1].end, token.start).trim() === "",
    }),
  );
  for (const { key, words } of acronyms.finish()) {
    if (byKey.has(key) || !index.postings.has(key)) continue;
    for (const word of words) {
      const term = byKey.get(word)!;
      if (!term.related.some((r) => r.key === key)) term.related.unshift({ key, factor: weights.derivationMatch, acronym: true });
    }
  }
  const bigrams = new Set<string>();
  for (let i = 1; i < content.length; i++) {
    if (content[i - 1].key !== content[i].key) bigrams.add(`${content[i - 1].key} ${content[i].key}`);
  }
  const clauses: string[][] = [];
  let clause = new Set<string>();
  tokens.forEach((token, i) => {
    const opens = i > 0 && (CLAUSE_WORDS.has(token.lower) || CLAUSE_MARK.test(text.slice(tokens[i - 1].end, token.start)));
    if (opens && clause.size > 0) {
      clauses.push([...clause]);
      clause = new Set();
    }
    if (!token.isStop) clause.add(token.key);
  });
  if (clause.size > 0) clauses.push([...clause]);
  return { tokens, terms: [...byKey.values()], totalWeight, bigrams: [...bigrams], clauses };
}
