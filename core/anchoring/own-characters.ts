// Counts how much of a candidate is an anchor's own surviving text or newly inserted text.
import type { EditSegment } from "./types.ts";

/**
 * How many characters of new-text range `[start, end)` are either inserted text or kept text
 * that descends from old range `[oldStart, oldEnd)`, given the `segments` of an edit map.
 */
export function ownCharacters(
  segments: readonly EditSegment[],
  start: number,
  end: number,
  oldStart: number,
  oldEnd: number,
): number {
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (segments[mid].newEnd > start) high = mid;
    else low = mid + 1;
  }
  let own = 0;
  for (let i = low; i < segments.length && segments[i].newStart < end; i += 1) {
    const s = segments[i];
    const from = Math.max(start, s.newStart);
    const to = Math.min(end, s.newEnd);
    if (to <= from) continue;
    if (!s.equal) {
      own += to - from;
    } else {
      const oldFrom = s.oldStart + (from - s.newStart);
      own += Math.max(0, Math.min(oldFrom + (to - from), oldEnd) - Math.max(oldFrom, oldStart));
    }
  }
  return own;
}
