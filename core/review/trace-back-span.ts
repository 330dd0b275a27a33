// Finds the text a span of a new version descends from in the version before it.
import { diffTexts } from "@/core/anchoring/diff-texts.ts";
import { mapOffset } from "@/core/anchoring/map-offset.ts";

/**
 * The stretch of `oldText` that `[start, end)` of `newText` came from, mapped back through the
 * diff of the two versions (a span whose words were replaced maps to the words they replaced).
 *
 * @throws {RangeError} if the span is not inside `newText`.
 */
export function traceBackSpan(oldText: string, newText: string, start: number, end: number): string {
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= newText.length)) {
    throw new RangeError(`Span [${start}, ${end}) is not inside the new text (length ${newText.length})`);
  }
  const back = diffTexts(newText, oldText);
  return oldText.slice(mapOffset(back, start, "start"), mapOffset(back, end, "end"));
}
