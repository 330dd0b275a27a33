// Indexes the sources of a task once, sentence by sentence, for ranking spans against many claims.
import type { Span } from "../text/types.ts";
import type { AlignSource } from "./types.ts";
import { tokenizeWords, type WordToken } from "./tokenize-words.ts";

/** One sentence of one source, with its tokens and content-term frequencies. */
export interface IndexedSentence extends Span {
  /** Position of the source in the task. */
  source: number;
  tokens: WordToken[];
  /** Content-term key → count in the sentence. */
  terms: Map<string, number>;
  /** Number of content tokens. */
  length: number;
}

/** The sentences of all sources of a task with document frequencies and postings. */
export interface SourceIndex {
  sources: readonly AlignSource[];
  /** All sentences, source by source, in text order. */
  sentences: IndexedSentence[];
  /** Content-term key → indices of the sentences holding it (ascending). */
  postings: Map<string, number[]>;
  /** Mean `length` of the sentences. */
  averageLength: number;
}

/** Splits a text into sentence spans. */
export type SentenceSplitter = (text: string) => Span[];

/** Indexes `sources` with `split` for sentence boundaries. */
export function indexSources(sources: readonly AlignSource[], split: SentenceSplitter): SourceIndex {
  const sentences: IndexedSentence[] = [];
  const postings = new Map<string, number[]>();
  let total = 0;
  sources.forEach((source, s) => {
    for (const span of split(source.text)) {
      const tokens = tokenizeWords(source.text, span.start, span.end);
      const terms = new Map<string, number>();
      let length = 0;
      for (const token of tokens) {
        if (token.isStop) continue;
        length++;
        terms.set(token.key, (terms.get(token.key) ?? 0) + 1);
      }
      const index = sentences.length;
      for (const key of terms.keys()) {
        const list = postings.get(key);
        if (list) list.push(index);
        else postings.set(key, [index]);
      }
      total += length;
      sentences.push({ start: span.start, end: span.end, source: s, tokens, terms, length });
    }
  });
  return { sources, sentences, postings, averageLength: sentences.length ? total / sentences.length : 1 };
}
