// Makes a candidate begin and end the way the stored quote does, so a match is never a fragment.
import { distance } from "fastest-levenshtein";
import type { QuoteCandidate, QuoteContext } from "./types.ts";

const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;
const SPACE = /\s/u;

type Kind = "word" | "space" | "other" | "none";

/** What sort of character a code unit is; surrogate halves count as "other". */
function kind(char: string | undefined): Kind {
  if (char === undefined || char === "") return "none";
  if (WORD_CHARACTER.test(char)) return "word";
  return SPACE.test(char) ? "space" : "other";
}

/** True if offset `at` of `text` falls between the halves of a surrogate pair. */
function splitsPair(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** True if offset `at` of `text` falls inside a word. */
function cuts(text: string, at: number): boolean {
  return kind(text[at - 1]) === "word" && kind(text[at]) === "word";
}

/** The offsets nearest to `at` on either side, at most `reach` away, where `fits` holds. */
function nearest(at: number, reach: number, limit: number, fits: (offset: number) => boolean): number[] {
  const found: number[] = [];
  for (let d = 1; d <= reach && at - d >= 0; d += 1) {
    if (fits(at - d)) {
      found.push(at - d);
      break;
    }
  }
  for (let d = 1; d <= reach && at + d <= limit; d += 1) {
    if (fits(at + d)) {
      found.push(at + d);
      break;
    }
  }
  return found;
}

/**
 * `candidate` if it begins and ends like the stored quote — with the same kind of character
 * (letter or digit, space, other) and without cutting a word in two where the quote did not —
 * otherwise the variant with its edges moved to the nearest places that do, with the fewest
 * errors (recounted), or `null` if none is within `maxErrors`. So "ia roll it" inside
 * "controversia roll it" is not the quote "can roll it", nor " an internationally" the quote
 * "as an internationally", however few edits apart. Whether the quote cut a word is judged from
 * its stored context; with none on a side, only the kind of character is held there. Moved
 * edges never split a surrogate pair.
 */
export function snapToWordEdges(
  text: string,
  candidate: QuoteCandidate,
  quote: string,
  context: QuoteContext,
  maxErrors: number,
): QuoteCandidate | null {
  const firstKind = kind(quote[0]);
  const lastKind = kind(quote.at(-1));
  const holdStartCut = context.prefix !== undefined && !(kind(context.prefix.at(-1)) === "word" && firstKind === "word");
  const holdEndCut = context.suffix !== undefined && !(lastKind === "word" && kind(context.suffix[0]) === "word");
  const startFits = (s: number) => kind(text[s]) === firstKind && !(holdStartCut && cuts(text, s)) && !splitsPair(text, s);
  const endFits = (e: number) => kind(text[e - 1]) === lastKind && !(holdEndCut && cuts(text, e)) && !splitsPair(text, e);
  const { start, end } = candidate;
  const startOk = startFits(start);
  const endOk = endFits(end);
  if (startOk && endOk) return candidate;
  const reach = maxErrors + 1;
  const starts = startOk ? [start] : nearest(start, reach, text.length, startFits);
  const ends = endOk ? [end] : nearest(end, reach, text.length, endFits);
  let best: QuoteCandidate | null = null;
  for (const s of starts) {
    for (const e of ends) {
      if (e <= s) continue;
      const errors = distance(quote, text.slice(s, e));
      if (errors <= maxErrors && (!best || errors < best.errors)) best = { start: s, end: e, errors };
    }
  }
  return best;
}
