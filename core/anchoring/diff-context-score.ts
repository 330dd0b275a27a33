// Scores a stored prefix or suffix through an edit map: rewritten context is no evidence either way.
import { findSegment } from "./find-segment.ts";
import { MATCH_WEIGHTS } from "./match-weights.ts";
import type { EditMap } from "./types.ts";

/** True if new-text range `[from, to)` holds no kept (`equal`) text of `map`. */
function allInserted(map: EditMap, from: number, to: number): boolean {
  if (to <= from) return true;
  const { segments } = map;
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (segments[mid].newEnd > from) high = mid;
    else low = mid + 1;
  }
  for (let i = low; i < segments.length && segments[i].newStart < to; i += 1) {
    if (segments[i].equal && segments[i].newEnd > from) return false;
  }
  return true;
}

/**
 * How well the context that was at old range `[oldStart, oldEnd)` agrees with a candidate whose
 * `side` ("before" for a prefix, "after" for a suffix) is at new offset `boundary`, judged by
 * where `map` put the context rather than by comparing text. If the context's kept characters
 * end (for a prefix; begin, for a suffix) right at the boundary, or only inserted text comes
 * between, at most the context's length of it, each kept character agrees (1) and each deleted
 * or replaced one is neutral (`MATCH_WEIGHTS.NEUTRAL_CONTEXT`): an edit beside a quote says
 * nothing about whether the quote is still there. Otherwise — the candidate cuts into the
 * context, or kept text (say, the quote's own first words) lies between — the map gives no
 * support (0). With nothing kept the context is neutral. 1 for an empty range.
 */
export function diffContextScore(
  map: EditMap,
  oldStart: number,
  oldEnd: number,
  boundary: number,
  side: "before" | "after",
): number {
  const length = oldEnd - oldStart;
  if (length <= 0) return 1;
  const { segments } = map;
  let kept = 0;
  // New offset of the kept context's edge nearest the quote.
  let edge = -1;
  for (let i = findSegment(map, oldStart); i < segments.length && segments[i].oldStart < oldEnd; i += 1) {
    const s = segments[i];
    if (!s.equal) continue;
    const from = Math.max(oldStart, s.oldStart);
    const to = Math.min(oldEnd, s.oldEnd);
    if (to <= from) continue;
    const newFrom = s.newStart + (from - s.oldStart);
    kept += to - from;
    if (side === "before") edge = newFrom + (to - from);
    else if (edge === -1) edge = newFrom;
  }
  if (kept === 0) return MATCH_WEIGHTS.NEUTRAL_CONTEXT;
  const [from, to] = side === "before" ? [edge, boundary] : [boundary, edge];
  if (to < from || to - from > length || !allInserted(map, from, to)) return 0;
  return (kept + MATCH_WEIGHTS.NEUTRAL_CONTEXT * (length - kept)) / length;
}
