// Keeps a candidate from cutting words in two where the stored quote did not.
import { distance } from "fastest-levenshtein";
import type { QuoteCandidate, QuoteContext } from "./types.ts";

const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

function isWordCharacter(char: string | undefined): boolean {
  return char !== undefined && char !== "" && WORD_CHARACTER.test(char);
}

/** True if offset `at` of `text` falls inside a word. */
function cuts(text: string, at: number): boolean {
  return isWordCharacter(text[at - 1]) && isWordCharacter(text[at]);
}

/** The word edges nearest to `at` on either side, at most `reach` away. */
function edgesNear(text: string, at: number, reach: number): number[] {
  const edges: number[] = [];
  let left = at;
  while (left > at - reach && left > 0 && cuts(text, left)) left -= 1;
  if (!cuts(text, left)) edges.push(left);
  let right = at;
  while (right < at + reach && right < text.length && cuts(text, right)) right += 1;
  if (!cuts(text, right)) edges.push(right);
  return edges;
}

/**
 * `candidate` if it starts and ends where the stored quote did with respect to words; otherwise
 * the variant with its cut edges moved to the nearest word edges that has the fewest errors
 * (recounted), or `null` if none is within `maxErrors`. "ia roll it" inside "controversia roll
 * it" is not the quote "can roll it", however few edits apart. An edge is only held to this if
 * the stored context on that side is known and the quote did not itself start or end mid-word.
 * Code units are tested one by one, so scripts written without spaces are never constrained.
 */
export function snapToWordEdges(
  text: string,
  candidate: QuoteCandidate,
  quote: string,
  context: QuoteContext,
  maxErrors: number,
): QuoteCandidate | null {
  const { start, end } = candidate;
  const holdStart = context.prefix !== undefined && !(isWordCharacter(context.prefix.at(-1)) && isWordCharacter(quote[0]));
  const holdEnd = context.suffix !== undefined && !(isWordCharacter(quote.at(-1)) && isWordCharacter(context.suffix[0]));
  const startCut = holdStart && cuts(text, start);
  const endCut = holdEnd && cuts(text, end);
  if (!startCut && !endCut) return candidate;
  const reach = maxErrors + 1;
  const starts = startCut ? edgesNear(text, start, reach) : [start];
  const ends = endCut ? edgesNear(text, end, reach) : [end];
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
