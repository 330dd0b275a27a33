// Checks one quoted passage of a claim against the sources: verbatim, near (and what differs) or missing.
import type { AlignSource, QuoteCheck } from "./types.ts";
import type { QuotedPassage } from "./find-quoted-passages.ts";
import { normalizeForQuotes, type FoldedText } from "./normalize-for-quotes.ts";
import { describeQuoteDifferences } from "./describe-quote-differences.ts";

/** Sources with their folded texts, folded on first need and then reused across claims. */
export interface QuoteSources {
  sources: readonly AlignSource[];
  folded: (FoldedText | undefined)[];
  /** Per source, the runs of its text between whitespace, gathered on first need. */
  pieces?: Set<string>[];
  /** Per source, the words of its folded text, gathered on first need. */
  foldedWords?: (Set<string> | undefined)[];
}

const WHITESPACE = /\s+/;

// A passage can be a substring of a source only if every run of it between two whitespaces is a
// whole run of the source between whitespaces: a cheap test that spares scanning the sources
// that lack a word of it (with 50 sources of a large dossier, most lack some).
function mayHoldVerbatim(quoteSources: QuoteSources, i: number, inner: readonly string[]): boolean {
  if (inner.length === 0) return true;
  quoteSources.pieces ??= quoteSources.sources.map((source) => new Set(source.text.split(WHITESPACE)));
  const pieces = quoteSources.pieces[i];
  return inner.every((piece) => pieces.has(piece));
}

// A near match lies on word boundaries of the folded source, so each folded word of the passage
// is a whole word there.
function mayHoldFolded(quoteSources: QuoteSources, i: number, words: readonly string[]): boolean {
  quoteSources.foldedWords ??= [];
  let known = quoteSources.foldedWords[i];
  if (!known) {
    known = new Set(foldedAt(quoteSources, i).text.split(" "));
    quoteSources.foldedWords[i] = known;
  }
  return words.every((word) => known.has(word));
}

function foldedAt(quoteSources: QuoteSources, i: number): FoldedText {
  let folded = quoteSources.folded[i];
  if (!folded) {
    folded = normalizeForQuotes(quoteSources.sources[i].text);
    quoteSources.folded[i] = folded;
  }
  return folded;
}

/**
 * Finds `passage` in the sources: `verbatim` with exact offsets when it is a substring of one;
 * `near` when it matches once case, punctuation, quote marks and spacing are folded (on word
 * boundaries), with the offsets of the matched text and what differs; otherwise `missing`.
 * A paraphrase folds differently from its source and so is never verbatim or near.
 */
export function checkQuote(passage: QuotedPassage, quoteSources: QuoteSources): QuoteCheck {
  const base = { text: passage.text, claimStart: passage.start, claimEnd: passage.end };
  const { sources } = quoteSources;
  const inner = passage.text.split(WHITESPACE).slice(1, -1).filter((piece) => piece.length > 0);
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i];
    if (!mayHoldVerbatim(quoteSources, i, inner)) continue;
    const at = source.text.indexOf(passage.text);
    if (at >= 0) return { ...base, status: "verbatim", sourceId: source.id, start: at, end: at + passage.text.length };
  }
  const needle = normalizeForQuotes(passage.text).text;
  if (needle.length > 0) {
    const words = needle.split(" ");
    for (let i = 0; i < sources.length; i++) {
      if (!mayHoldFolded(quoteSources, i, words)) continue;
      const folded = foldedAt(quoteSources, i);
      let at = folded.text.indexOf(needle);
      while (at >= 0) {
        const lastAt = at + needle.length;
        const bounded = (at === 0 || folded.text[at - 1] === " ") && (lastAt === folded.text.length || folded.text[lastAt] === " ");
        if (bounded) {
          const [start, end] = widenOverMarks(passage.text, sources[i].text, folded.offsets[at], folded.offsets[lastAt - 1] + 1);
          const matched = sources[i].text.slice(start, end);
          const differences = describeQuoteDifferences(passage.text, matched);
          return { ...base, status: "near", sourceId: sources[i].id, start, end, differences };
        }
        at = folded.text.indexOf(needle, at + 1);
      }
    }
  }
  return { ...base, status: "missing" };
}

const MARK = /[\p{P}\p{S}]/u;

// Folding drops the marks at either end of a quote; when the quote has some there, the matched
// text takes in as many of the source's own marks (a closing quote, a full stop) as it has.
function widenOverMarks(quote: string, text: string, start: number, end: number): [number, number] {
  let head = quote.length - quote.replace(/^[\p{P}\p{S}]+/u, "").length;
  let tail = quote.length - quote.replace(/[\p{P}\p{S}]+$/u, "").length;
  while (head > 0 && start > 0 && MARK.test(text[start - 1])) {
    start--;
    head--;
  }
  while (tail > 0 && end < text.length && MARK.test(text[end])) {
    end++;
    tail--;
  }
  return [start, end];
}
