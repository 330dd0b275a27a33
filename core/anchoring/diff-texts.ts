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

/** Distinct tokens `diffTokens` can tell apart: each one is written as a UTF-16 code unit. */
const MAX_DISTINCT_TOKENS = 0xfff0;

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

/** `text` cut after each line feed; the line feeds are kept. */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let from = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", from)) {
    lines.push(text.slice(from, at + 1));
    from = at + 1;
  }
  if (from < text.length) lines.push(text.slice(from));
  return lines;
}

/**
 * Appends `[op, text]` to `out`, joined to the last entry if it has the same operation: adjacent
 * equalities would otherwise be merged later one splice at a time, in quadratic time.
 */
function append(out: Diff[], op: number, text: string): void {
  if (text.length === 0) return;
  const last = out[out.length - 1];
  if (last && last[0] === op) last[1] += text;
  else out.push([op, text]);
}

/** Line-by-line diff of two runs of text, by diff-match-patch's line mode. */
function diffLineRun(dmp: DiffMatchPatch, oldRun: string, newRun: string, out: Diff[]): void {
  if (oldRun === newRun || oldRun.length === 0 || newRun.length === 0) {
    if (oldRun === newRun) append(out, 0, oldRun);
    else append(out, oldRun.length === 0 ? 1 : -1, oldRun.length === 0 ? newRun : oldRun);
    return;
  }
  const { chars1, chars2, lineArray } = dmp.diff_linesToChars_(oldRun, newRun);
  const diffs = dmp.diff_main(chars1, chars2, false) as Diff[];
  dmp.diff_charsToLines_(diffs, lineArray);
  for (const [op, text] of diffs) append(out, op, text);
}

/**
 * Diff of two texts cut into units (lines, or sentences within a long line). Units that occur
 * exactly once in each text are paired, and the longest run of pairs in the same order in both
 * (as in patience diff) is kept as is; only the stretches between them go to `diffRun`, whose
 * cost grows with the product of a stretch's size and its number of edits. A text's lines (and
 * sentences) are mostly unique, so the stretches are small.
 */
function diffUnits(a: string[], b: string[], diffRun: (oldUnits: string[], newUnits: string[], out: Diff[]) => void): Diff[] {
  // For each unit: how often it occurs in each text, and where (meaningful when once).
  const seen = new Map<string, { inOld: number; inNew: number; oldAt: number; newAt: number }>();
  a.forEach((unit, i) => {
    const entry = seen.get(unit);
    if (entry) entry.inOld += 1;
    else seen.set(unit, { inOld: 1, inNew: 0, oldAt: i, newAt: -1 });
  });
  b.forEach((unit, j) => {
    const entry = seen.get(unit);
    if (!entry) return;
    entry.inNew += 1;
    entry.newAt = j;
  });
  const pairs: Array<[number, number]> = [];
  for (const entry of seen.values()) {
    if (entry.inOld === 1 && entry.inNew === 1) pairs.push([entry.oldAt, entry.newAt]);
  }
  pairs.sort((x, y) => x[0] - y[0]);
  // Longest increasing run of new positions (patience sorting, with links back).
  const tails: number[] = [];
  const back = new Int32Array(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k += 1) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (pairs[tails[mid]][1] < pairs[k][1]) low = mid + 1;
      else high = mid;
    }
    if (low > 0) back[k] = tails[low - 1];
    tails[low] = k;
  }
  const anchors: Array<[number, number]> = [];
  for (let k = tails.length > 0 ? tails[tails.length - 1] : -1; k !== -1; k = back[k]) anchors.push(pairs[k]);
  anchors.reverse();

  const diffs: Diff[] = [];
  let i = 0;
  let j = 0;
  for (const [ai, bj] of [...anchors, [a.length, b.length] as [number, number]]) {
    diffRun(a.slice(i, ai), b.slice(j, bj), diffs);
    if (ai < a.length) append(diffs, 0, a[ai]);
    i = ai + 1;
    j = bj + 1;
  }
  return diffs;
}

/** Line diff of two texts (see `diffUnits`); the stretches between unique lines go to the line-mode diff. */
function diffLines(dmp: DiffMatchPatch, oldText: string, newText: string): Diff[] {
  return diffUnits(splitLines(oldText), splitLines(newText), (x, y, out) => diffLineRun(dmp, x.join(""), y.join(""), out));
}

/** `text` cut after each sentence's end (., ! or ?, closing quotes or brackets, then spaces); the spaces are kept. */
function splitSentenceUnits(text: string): string[] {
  return text.match(SENTENCE_UNIT) ?? [];
}

const SENTENCE_UNIT = /[^]*?(?:[.!?]["'”’)\]]*\s+|$)/gy;

/**
 * Sentence diff of a changed block too large to refine word by word (a long line: a text pasted
 * without line breaks). Null when the block has more distinct sentences than the token diff can
 * tell apart.
 */
function diffSentences(dmp: DiffMatchPatch, oldText: string, newText: string): Diff[] | null {
  const a = splitSentenceUnits(oldText).filter((unit) => unit.length > 0);
  const b = splitSentenceUnits(newText).filter((unit) => unit.length > 0);
  if (new Set([...a, ...b]).size > MAX_DISTINCT_TOKENS) return null;
  return diffUnits(a, b, (x, y, out) => {
    if (x.length === 0 || y.length === 0) {
      append(out, x.length === 0 ? 1 : -1, (x.length === 0 ? y : x).join(""));
      return;
    }
    for (const [op, text] of diffTokens(dmp, x, y)) append(out, op, text);
  });
}

/**
 * Diffs `oldText` against `newText` and returns the edit as alternating segments of kept and
 * replaced text. Lines are diffed first (a moved paragraph is one deletion and one insertion;
 * see `diffLines`), then each changed block is diffed word by word, tidied to meaningful boundaries. There is no
 * time limit, so the same texts always give the same map; the block size cap bounds the cost.
 */
export function diffTexts(oldText: string, newText: string): EditMap {
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 0;
  const lineDiffs = diffLines(dmp, oldText, newText);
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

  /**
   * A changed block: refined word by word when small enough, else (a long line) cut into
   * sentences first, whose changed stretches are then refined word by word; what is still too
   * large is taken as replaced whole.
   */
  const refine = (deleted: string, inserted: string, bySentence: boolean) => {
    if (deleted.length === 0 || inserted.length === 0) {
      push(false, deleted.length, inserted.length);
      return;
    }
    const oldTokens = deleted.match(TOKEN) ?? [];
    const newTokens = inserted.match(TOKEN) ?? [];
    if (oldTokens.length + newTokens.length <= MAX_REFINED_TOKENS) {
      const words = diffTokens(dmp, oldTokens, newTokens);
      dmp.diff_cleanupSemantic(words);
      for (const [op, text] of words) push(op === 0, op === 1 ? 0 : text.length, op === -1 ? 0 : text.length);
      return;
    }
    const sentences = bySentence ? diffSentences(dmp, deleted, inserted) : null;
    if (!sentences) {
      push(false, deleted.length, inserted.length);
      return;
    }
    walk(sentences, (d, i) => refine(d, i, false));
  };

  /** Pushes the equal parts of `diffs`, and hands each run of deleted and inserted text between them to `changed`. */
  const walk = (diffs: Diff[], changed: (deleted: string, inserted: string) => void) => {
    let deleted = "";
    let inserted = "";
    for (const [op, text] of diffs) {
      if (op === -1) deleted += text;
      else if (op === 1) inserted += text;
      else {
        changed(deleted, inserted);
        deleted = "";
        inserted = "";
        push(true, text.length, text.length);
      }
    }
    changed(deleted, inserted);
  };

  walk(lineDiffs, (deleted, inserted) => refine(deleted, inserted, true));
  return { segments };
}
