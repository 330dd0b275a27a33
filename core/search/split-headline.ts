// Reads a search snippet whose matches are wrapped in control characters into plain runs.

/** Marks the start of a matching run in a snippet (never present in stored text). */
export const MATCH_START = "\u0002";
/** Marks the end of a matching run in a snippet. */
export const MATCH_END = "\u0003";

/** A run of a snippet's text and whether it matches the query. */
export interface SnippetRun {
  text: string;
  match: boolean;
}

/**
 * Splits `headline` at the match delimiters into runs; adjacent runs of the same kind are merged
 * and empty ones dropped. Stray or unbalanced delimiters are removed, never shown.
 */
export function splitHeadline(headline: string): SnippetRun[] {
  const runs: SnippetRun[] = [];
  let match = false;
  let text = "";
  const flush = () => {
    if (!text) return;
    const last = runs[runs.length - 1];
    if (last && last.match === match) last.text += text;
    else runs.push({ text, match });
    text = "";
  };
  for (const char of headline) {
    if (char === MATCH_START || char === MATCH_END) {
      flush();
      match = char === MATCH_START;
    } else text += char;
  }
  flush();
  return runs;
}
