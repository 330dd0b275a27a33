// Finds which segment of an edit map holds a given character of the old text.
import type { EditMap } from "./types.ts";

/**
 * Index in `map.segments` of the segment holding old character `char`: the last segment that
 * starts at or before it (pure insertions, empty on the old side, never hold a character).
 */
export function findSegment(map: EditMap, char: number): number {
  const { segments } = map;
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (segments[mid].oldStart <= char) low = mid;
    else high = mid - 1;
  }
  return low;
}
