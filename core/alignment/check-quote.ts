// Checks one quoted passage of a claim against the sources: verbatim, near (and what differs) or missing.
import type { AlignSource, QuoteCheck } from "./types.ts";
import type { QuotedPassage } from "./find-quoted-passages.ts";
import { normalizeForQuotes, type FoldedText } from "./normalize-for-quotes.ts";
import { describeQuoteDifferences } from "./describe-quote-differences.ts";

/** Sources with their folded texts, folded on first need and then reused across claims. */
export interface QuoteSources {
  sources: readonly AlignSource[];
  folded: (FoldedText | undefined)[];
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
  for (const source of sources) {
    const at = source.text.indexOf(passage.text);
    if (at >= 0) return { ...base, status: "verbatim", sourceId: source.id, start: at, end: at + passage.text.length };
  }
  const needle = normalizeForQuotes(passage.text).text;
  if (needle.length > 0) {
    for (let i = 0; i < sources.length; i++) {
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
