// Finds where the characters of an old range that an edit map kept ended up in the new text.
import { findSegment } from "./find-segment.ts";
import type { EditMap } from "./types.ts";

/** The stretch of new text from the first to the last kept character of an old range. */
export interface KeptSpan {
  /** New-text offset of the first kept character. */
  start: number;
  /** New-text offset just after the last kept character. */
  end: number;
  /**
   * How many characters of the old range were kept, not counting whitespace: a space the diff
   * kept beside an edit says nothing about whether the words around it survived.
   */
  kept: number;
}

/** Number of characters of `text[from, to)` that are not whitespace. */
export function solidLength(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i += 1) {
    const c = text.charCodeAt(i);
    // Fast path for ASCII; others by the regular expression.
    if (c < 128 ? c !== 32 && (c < 9 || c > 13) : !/\s/.test(text[i])) n += 1;
  }
  return n;
}

/**
 * Where the characters of range `[oldStart, oldEnd)` of `oldText` that `map` kept are now: the
 * new-text stretch from the first of them to the last, and how many of them are not whitespace;
 * `null` if none was kept. An edit map is monotone, so everything in between is either kept from
 * the range or inserted.
 */
export function keptSpan(map: EditMap, oldText: string, oldStart: number, oldEnd: number): KeptSpan | null {
  const { segments } = map;
  if (segments.length === 0 || oldEnd <= oldStart) return null;
  let span: KeptSpan | null = null;
  for (let i = findSegment(map, oldStart); i < segments.length && segments[i].oldStart < oldEnd; i += 1) {
    const s = segments[i];
    if (!s.equal) continue;
    const from = Math.max(oldStart, s.oldStart);
    const to = Math.min(oldEnd, s.oldEnd);
    if (to <= from) continue;
    const newFrom = s.newStart + (from - s.oldStart);
    const newTo = newFrom + (to - from);
    const kept = solidLength(oldText, from, to);
    if (span) {
      span.end = newTo;
      span.kept += kept;
    } else {
      span = { start: newFrom, end: newTo, kept };
    }
  }
  return span;
}
