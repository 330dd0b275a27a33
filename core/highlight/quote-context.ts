// Cuts a quote out of its text with a few words on either side, for quote cards.

/** A quote and the words around it; `clippedBefore`/`clippedAfter` say whether text goes on. */
export interface QuoteContext {
  before: string;
  exact: string;
  after: string;
  clippedBefore: boolean;
  clippedAfter: boolean;
}

/** `text[start, end)` with up to `words` words of context on each side, never crossing a blank line. */
export function quoteContext(text: string, start: number, end: number, words = 8): QuoteContext {
  if (!(Number.isInteger(start) && Number.isInteger(end)) || start < 0 || end < start || end > text.length) {
    throw new RangeError(`invalid quote [${start}, ${end}) in a text of ${text.length}`);
  }
  const breakBefore = start === 0 ? -1 : text.lastIndexOf("\n\n", start - 1);
  const paragraphStart = breakBefore === -1 ? 0 : Math.min(breakBefore + 2, start);
  const breakAfter = text.indexOf("\n\n", end);
  const paragraphEnd = breakAfter === -1 ? text.length : breakAfter;
  const beforeWords = text.slice(paragraphStart, start).match(/\S+\s*/g) ?? [];
  const afterWords = text.slice(end, paragraphEnd).match(/\s*\S+/g) ?? [];
  return {
    before: beforeWords.slice(-words).join(""),
    exact: text.slice(start, end),
    after: afterWords.slice(0, words).join(""),
    clippedBefore: beforeWords.length > words || paragraphStart > 0,
    clippedAfter: afterWords.length > words || paragraphEnd < text.length,
  };
}
