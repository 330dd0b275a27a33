// Says how a near quote differs from the source text it matched: case, punctuation, quote marks or whitespace.
import DiffMatchPatch from "diff-match-patch";
import type { QuoteDifference, QuoteDifferenceKind } from "./types.ts";

const QUOTE_MARK = /["'“”‘’„«»`´]/gu;
const SPACE = /\s/gu;
const PUNCTUATION = /[\p{P}\p{S}]/gu;
const MAX_DIFFERENCES = 12;

function only(text: string, pattern: RegExp): string {
  return (text.match(pattern) ?? []).join("");
}

// A segment may differ in several ways at once (" G" against "g"): each way is one difference.
function classify(claim: string, source: string): QuoteDifferenceKind[] {
  const kinds: QuoteDifferenceKind[] = [];
  const quotesOf = (t: string) => only(t, QUOTE_MARK).replace(/[“”„«»]/g, '"').replace(/[‘’`´]/g, "'");
  if (only(claim, SPACE).length !== only(source, SPACE).length || only(claim, SPACE) !== only(source, SPACE)) kinds.push("whitespace");
  if (only(claim, QUOTE_MARK) !== only(source, QUOTE_MARK) || quotesOf(claim) !== quotesOf(source)) kinds.push("quotes");
  const rest = (t: string) => t.replace(QUOTE_MARK, "").replace(SPACE, "");
  if (only(rest(claim), PUNCTUATION) !== only(rest(source), PUNCTUATION)) kinds.push("punctuation");
  const letters = (t: string) => rest(t).replace(PUNCTUATION, "");
  if (letters(claim) !== letters(source)) kinds.push("case");
  return kinds;
}

/** Lists the places where `claim` and `source` differ (both texts given), in order; empty when equal. */
export function describeQuoteDifferences(claim: string, source: string): QuoteDifference[] {
  const dmp = new DiffMatchPatch();
  const diffs = dmp.diff_main(claim, source);
  const out: QuoteDifference[] = [];
  let removed = "";
  let added = "";
  const flush = () => {
    if (removed || added) for (const kind of classify(removed, added)) out.push({ kind, claim: removed, source: added });
    removed = "";
    added = "";
  };
  for (const [op, text] of diffs) {
    if (op === 0) flush();
    else if (op < 0) removed += text;
    else added += text;
  }
  flush();
  return out.slice(0, MAX_DIFFERENCES);
}
