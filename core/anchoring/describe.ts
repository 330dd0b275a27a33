// Turns a range of a text into the selectors that let it be found again after the text changes.
import { CONTEXT_LENGTH } from "./context-length.ts";
import type { TextPositionSelector, TextQuoteSelector } from "./types.ts";

/**
 * Describes `text.slice(start, end)` as a quote (with `CONTEXT_LENGTH` characters of prefix and
 * suffix) and a position. Offsets are UTF-16 code units, `end` exclusive.
 *
 * @throws {RangeError} if the offsets are not integers, are out of bounds, or the range is empty.
 */
export function describe(text: string, start: number, end: number): [TextQuoteSelector, TextPositionSelector] {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new RangeError(`Range offsets must be integers, got [${start}, ${end})`);
  }
  if (start < 0 || end > text.length) {
    throw new RangeError(`Range [${start}, ${end}) is outside the text (length ${text.length})`);
  }
  if (start >= end) {
    throw new RangeError(`Range [${start}, ${end}) is empty or reversed`);
  }
  return [
    {
      type: "TextQuoteSelector",
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    { type: "TextPositionSelector", start, end },
  ];
}
