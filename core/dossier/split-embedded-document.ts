// Separates a document pasted into another (a briefing inside a blog post) from its host text.

/** The host text without the embedded part, and the embedded part on its own. */
export interface SplitDocument {
  host: string;
  embedded: string;
}

/**
 * Cuts out the lines from the first line starting with `startsAtLine` up to (not including) the
 * first later line starting with `endsBeforeLine` (or the end of the text when absent). Returns
 * `null` when no line starts with `startsAtLine`. Nothing else of either text is changed.
 */
export function splitEmbeddedDocument(
  text: string,
  startsAtLine: string,
  endsBeforeLine?: string,
): SplitDocument | null {
  if (!startsAtLine.trim()) throw new RangeError("startsAtLine must not be blank");
  const start = findLineStart(text, startsAtLine, 0);
  if (start === null) return null;
  const end = endsBeforeLine ? (findLineStart(text, endsBeforeLine, start + 1) ?? text.length) : text.length;
  return {
    host: `${text.slice(0, start).trimEnd()}\n\n${text.slice(end).trimStart()}`.trim(),
    embedded: text.slice(start, end).trim(),
  };
}

/** Offset of the first line starting at or after `from` whose text, ignoring indentation, starts with `prefix`. */
function findLineStart(text: string, prefix: string, from: number): number | null {
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const indent = line.length - line.trimStart().length;
    if (lineStart >= from && line.trimStart().startsWith(prefix)) return lineStart + indent;
    if (newline === -1) return null;
    lineStart = newline + 1;
  }
  return null;
}
