// Keeps claim identity across briefing versions: pairs old and new claims one-to-one by their text.
import { distance } from "fastest-levenshtein";

/** Least normalised similarity (0–1) for two different texts to count as the same claim. */
export const NEAR_MATCH_THRESHOLD = 0.8;

/** An old claim paired with its new version, and how alike their texts are (1 = same). */
export interface ClaimPair<A, B> {
  old: A;
  new: B;
  oldIndex: number;
  newIndex: number;
  similarity: number;
}

/** The outcome of matching two versions' claims. */
export interface ClaimMatching<A, B> {
  /** Pairs in the order of the new claims. */
  pairs: ClaimPair<A, B>[];
  /** Old claims with no counterpart (removed or rewritten beyond recognition), in order. */
  unmatchedOld: A[];
  /** New claims with no counterpart (added), in order. */
  unmatchedNew: B[];
}

/**
 * Matches the claims of an old briefing version to those of a new one, one-to-one.
 *
 * 1. Exact: claims whose normalised text (NFC, case, quote style and whitespace folded) is equal
 *    are paired, the k-th old occurrence of a text with its k-th new occurrence.
 * 2. Near: among the rest, pairs with a normalised similarity (1 − edit distance / longer
 *    length) of at least `threshold` are taken from the most alike down, closer positions first
 *    on ties, never crossing a pair already made, so the order of claims is respected.
 *
 * @throws RangeError when `threshold` is not within (0, 1].
 */
export function matchClaims<A extends { text: string }, B extends { text: string }>(
  oldClaims: readonly A[],
  newClaims: readonly B[],
  threshold: number = NEAR_MATCH_THRESHOLD,
): ClaimMatching<A, B> {
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`matchClaims: threshold ${threshold} is not within (0, 1]`);
  const oldKeys = oldClaims.map((c) => normaliseClaimText(c.text));
  const newKeys = newClaims.map((c) => normaliseClaimText(c.text));
  const newOf = new Array<number>(oldClaims.length).fill(-1);
  const oldOf = new Array<number>(newClaims.length).fill(-1);
  const similarity = new Map<number, number>();

  const waiting = new Map<string, number[]>();
  oldKeys.forEach((key, i) => {
    const list = waiting.get(key);
    if (list) list.push(i);
    else waiting.set(key, [i]);
  });
  newKeys.forEach((key, j) => {
    const i = waiting.get(key)?.shift();
    if (i === undefined) return;
    newOf[i] = j;
    oldOf[j] = i;
    similarity.set(j, 1);
  });

  const candidates: { i: number; j: number; score: number; gap: number }[] = [];
  for (let i = 0; i < oldKeys.length; i++) {
    if (newOf[i] >= 0) continue;
    for (let j = 0; j < newKeys.length; j++) {
      if (oldOf[j] >= 0) continue;
      const a = oldKeys[i];
      const b = newKeys[j];
      const longer = Math.max(a.length, b.length);
      if (longer === 0 || Math.min(a.length, b.length) / longer < threshold) continue;
      const score = 1 - distance(a, b) / longer;
      if (score >= threshold) {
        const gap = Math.abs(i / Math.max(1, oldKeys.length) - j / Math.max(1, newKeys.length));
        candidates.push({ i, j, score, gap });
      }
    }
  }
  candidates.sort((x, y) => y.score - x.score || x.gap - y.gap || x.i - y.i || x.j - y.j);
  for (const { i, j, score } of candidates) {
    if (newOf[i] >= 0 || oldOf[j] >= 0 || crosses(i, j, newOf)) continue;
    newOf[i] = j;
    oldOf[j] = i;
    similarity.set(j, score);
  }

  const pairs: ClaimPair<A, B>[] = [];
  oldOf.forEach((i, j) => {
    if (i >= 0) pairs.push({ old: oldClaims[i], new: newClaims[j], oldIndex: i, newIndex: j, similarity: similarity.get(j) ?? 1 });
  });
  return {
    pairs,
    unmatchedOld: oldClaims.filter((_, i) => newOf[i] < 0),
    unmatchedNew: newClaims.filter((_, j) => oldOf[j] < 0),
  };
}

/** True when pairing old `i` with new `j` would cross a pair already made. */
function crosses(i: number, j: number, newOf: readonly number[]): boolean {
  for (let k = 0; k < newOf.length; k++) {
    const m = newOf[k];
    if (m < 0) continue;
    if ((k < i && m > j) || (k > i && m < j)) return true;
  }
  return false;
}

/** Folds what does not change a claim's words: Unicode form, case, quote style, whitespace. */
function normaliseClaimText(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[“”„«»]/g, '"')
    .replace(/[‘’‚]/g, "'")
    .replace(/[–—]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}
