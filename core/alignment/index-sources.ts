// Indexes the sources of a task once, sentence by sentence, for ranking spans against many claims.
import type { Span } from "../text/types.ts";
import type { AlignSource } from "./types.ts";
import { contentKeys } from "./tokenize-words.ts";

/** One sentence of one source, with its content-term keys (their counts are in the postings). */
export interface IndexedSentence extends Span {
  /** Position of the source in the task. */
  source: number;
  /** Keys of the content tokens, in text order. */
  keys: string[];
  /** Number of content tokens. */
  length: number;
}

/** Where a term occurs: sentence indices (ascending) and the term's count in each. */
export interface Posting {
  sentences: number[];
  counts: number[];
}

/** The sentences of all sources of a task with document frequencies and postings. */
export interface SourceIndex {
  sources: readonly AlignSource[];
  /** All sentences, source by source, in text order. */
  sentences: IndexedSentence[];
  /** Content-term key → the sentences holding it. */
  postings: Map<string, Posting>;
  /** Mean `length` of the sentences. */
  averageLength: number;
}

/** Splits a text into sentence spans. */
export type SentenceSplitter = (text: string) => Span[];

/** Indexes `sources` with `split` for sentence boundaries. */
export function indexSources(sources: readonly AlignSource[], split: SentenceSplitter): SourceIndex {
  const sentences: IndexedSentence[] = [];
  const postings = new Map<string, Posting>();
  let total = 0;
  // Counted per sentence in one map, cleared after each: a map kept per sentence was a fifth of
  // the index's memory and only fed the postings.
  const terms = new Map<string, number>();
  sources.forEach((source, s) => {
    for (const span of split(source.text)) {
      const keys = contentKeys(source.text, span.start, span.end, { acronyms: true });
      terms.clear();
      for (const key of keys) terms.set(key, (terms.get(key) ?? 0) + 1);
      const length = keys.length;
      const index = sentences.length;
      for (const [key, count] of terms) {
        const posting = postings.get(key);
        if (posting) {
          posting.sentences.push(index);
          posting.counts.push(count);
        } else postings.set(key, { sentences: [index], counts: [count] });
      }
      total += length;
      sentences.push({ start: span.start, end: span.end, source: s, keys, length });
    }
  });
  return { sources, sentences, postings, averageLength: sentences.length ? total / sentences.length : 1 };
}
