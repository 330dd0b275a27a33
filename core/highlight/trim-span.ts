// Trims a chosen span of text to the characters that matter, for linking a selection as evidence.
import type { Span } from "../text/types.ts";

/** `[start, end)` without leading or trailing whitespace; `null` when nothing but whitespace is left. */
export function trimSpan(text: string, start: number, end: number): Span | null {
  let a = Math.max(0, Math.min(start, end));
  let b = Math.min(text.length, Math.max(start, end));
  while (a < b && /\s/.test(text[a])) a++;
  while (b > a && /\s/.test(text[b - 1])) b--;
  return a < b ? { start: a, end: b } : null;
}
