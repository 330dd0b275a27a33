// Maps an offset of an old text to the new text through an edit map.
import { findSegment } from "./find-segment.ts";
import type { EditMap } from "./types.ts";

/**
 * Where old offset `offset` lands in the new text, as the start (`bias: "start"`) or the end
 * (`bias: "end"`) of a range. A start follows the character after it and an end the character
 * before it, so text inserted just outside a range stays outside. Inside replaced text a start
 * goes to the start of the replacement and an end to its end, so the mapped range covers
 * whatever replaced the old one.
 *
 * @throws {RangeError} if `offset` is outside the old text.
 */
export function mapOffset(map: EditMap, offset: number, bias: "start" | "end"): number {
  const { segments } = map;
  const last = segments[segments.length - 1];
  const oldLength = last ? last.oldEnd : 0;
  const newLength = last ? last.newEnd : 0;
  if (!Number.isInteger(offset) || offset < 0 || offset > oldLength) {
    throw new RangeError(`Offset ${offset} is outside the old text (length ${oldLength})`);
  }
  if (bias === "start") {
    if (offset === oldLength) return newLength;
    const segment = segments[findSegment(map, offset)];
    return segment.equal ? segment.newStart + (offset - segment.oldStart) : segment.newStart;
  }
  if (offset === 0) return 0;
  const segment = segments[findSegment(map, offset - 1)];
  return segment.equal ? segment.newStart + (offset - segment.oldStart) : segment.newEnd;
}
