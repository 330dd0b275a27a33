// Computes once how an old text became a new one, so that many offsets can be mapped through it.
import DiffMatchPatch from "diff-match-patch";
import type { EditMap, EditSegment } from "./types.ts";

/**
 * Largest changed block (old plus new words and spaces) that is refined word by word. Beyond
 * it the block is taken as replaced whole: refining costs up to the square of its size, and a
 * block that large was rewritten rather than edited.
 */
const MAX_REFINED_TOKENS = 4000;

const TOKEN = /\s+|[^\s]+/g;

type Diff = [number, string];

/** Diffs two strings as sequences of tokens (each token one symbol), without a time limit. */
function diffTokens(dmp: DiffMatchPatch, oldTokens: string[], newTokens: string[]): Diff[] {
  const codes = new Map<string, string>();
  const encode = (tokens: string[]) =>
    tokens
      .map((token) => {
        let code = codes.get(token);
        if (code === undefined) {
          code = String.fromCharCode(codes.size + 1);
          codes.set(token, code);
        }
        return code;
      })
      .join("");
  const a = encode(oldTokens);
  const b = encode(newTokens);
  const symbols = ["", ...codes.keys()];
  const diffs = dmp.diff_main(a, b, false) as Diff[];
  return diffs.map(([op, chars]) => {
    let text = "";
    for (let i = 0; i < chars.length; i += 1) text += symbols[chars.charCodeAt(i)];
    return [op, text];
  });
}

/**
 * Diffs `oldText` against `newText` and returns the edit as alternating segments of kept and
 * replaced text. Lines are diffed first (a moved paragraph is one deletion and one insertion),
 * then each changed block is diffed word by word, tidied to meaningful boundaries. There is no
 * time limit, so the same texts always give the same map; the block size cap bounds the cost.
 */
export function diffTexts(oldText: string, newText: string): EditMap {
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 0;
  const { chars1, chars2, lineArray } = dmp.diff_linesToChars_(oldText, newText);
  const lineDiffs = dmp.diff_main(chars1, chars2, false) as Diff[];
  dmp.diff_charsToLines_(lineDiffs, lineArray);
  dmp.diff_cleanupSemantic(lineDiffs);

  const segments: EditSegment[] = [];
  let oldAt = 0;
  let newAt = 0;
  const push = (equal: boolean, oldLength: number, newLength: number) => {
    if (oldLength === 0 && newLength === 0) return;
    const last = segments[segments.length - 1];
    if (last && last.equal === equal && !equal) {
      last.oldEnd += oldLength;
      last.newEnd += newLength;
    } else if (last && last.equal && equal) {
      last.oldEnd += oldLength;
      last.newEnd += newLength;
    } else {
      segments.push({ equal, oldStart: oldAt, oldEnd: oldAt + oldLength, newStart: newAt, newEnd: newAt + newLength });
    }
    oldAt += oldLength;
    newAt += newLength;
  };

  let deleted = "";
  let inserted = "";
  const flush = () => {
    if (deleted.length === 0 || inserted.length === 0) {
      push(false, deleted.length, inserted.length);
    } else {
      const oldTokens = deleted.match(TOKEN) ?? [];
      const newTokens = inserted.match(TOKEN) ?? [];
      if (oldTokens.length + newTokens.length > MAX_REFINED_TOKENS) {
        push(false, deleted.length, inserted.length);
      } else {
        const words = diffTokens(dmp, oldTokens, newTokens);
        dmp.diff_cleanupSemantic(words);
        for (const [op, text] of words) {
          push(op === 0, op === 1 ? 0 : text.length, op === -1 ? 0 : text.length);
        }
      }
    }
    deleted = "";
    inserted = "";
  };
  for (const [op, text] of lineDiffs) {
    if (op === -1) deleted += text;
    else if (op === 1) inserted += text;
    else {
      flush();
      push(true, text.length, text.length);
    }
  }
  flush();
  return { segments };
}
