// Measures re-anchoring on real texts under seeded random edits whose true outcome is known.
//
// Texts: the distinct `source.text` fields of ../shared/eval/wice-dev.json (web pages cited by
// Wikipedia claims). Two cases: every source on its own ("per source", anchors re-anchored with
// `reanchorAll`, and again one by one with `anchor` for comparison), and the sources concatenated
// and cut at a line end to about 1,000,000 characters with 10,000 anchors ("1 MB").
//
// Anchors: random word-aligned spans of 2–30 words within one line, described with `describe`.
// Edits, applied one after another with a seeded generator: words inserted, deleted or replaced
// far from any chosen anchor and within 40 characters of one (in its context), whole lines
// (paragraphs) moved elsewhere, a word inside an anchor inserted, deleted or replaced, and an
// anchor's whole text deleted.
//
// Truth: every character of the old text is tracked through the edits (a piece table that records
// where each surviving character came from), so for each anchor we know which of its characters
// survive and where they are in the new text.
// - "survived intact": all its characters survive, adjacent and in order. The true range is where
//   they are now. RIGHT PLACE = a non-orphan result with exactly that start and end.
// - "survived edited": not intact, but at least 2/3 of its characters survive, in their old order,
//   and the stretch from the first to the last survivor holds at most half the anchor's length of
//   other characters (it was edited, not torn apart by a move). The true range runs from the first
//   survivor to the last. RIGHT PLACE = a non-orphan result whose intersection with the true range
//   is at least half their union (IoU ≥ 0.5; the IoU spread is printed too).
// - "destroyed": everything else (deleted, mostly deleted, or torn apart). Orphaning is right. A
//   result is "on its remains" if its IoU with the stretch of surviving characters is ≥ 0.5.
// WRONG PLACE = a non-orphan result for a survived anchor that is not at the right place, or for a
// destroyed anchor that is not on its remains. Nothing else is excluded or retried.
import { readFileSync } from "node:fs";
import path from "node:path";
import { anchor } from "@/core/anchoring/anchor.ts";
import { describe } from "@/core/anchoring/describe.ts";
import { reanchorAll } from "@/core/anchoring/reanchor-all.ts";
import type { AnchorResult, Selector } from "@/core/anchoring/types.ts";

const root = path.resolve(import.meta.dirname, "..");
const CORPUS = path.resolve(root, "..", "shared", "eval", "wice-dev.json");
const BIG_LENGTH = 1_000_000;
const BIG_ANCHORS = 10_000;
const PER_SOURCE_ANCHORS = 20;
const SURVIVAL_FRACTION = 2 / 3;
const RIGHT_PLACE_IOU = 0.5;

/** mulberry32: a small seeded generator, so every run sees the same edits. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Piece {
  /** Offset in the old text of this piece's first character, or -1 for inserted text. */
  origin: number;
  text: string;
}

/** A text under edit that remembers where each surviving character of the original came from. */
class TrackedText {
  pieces: Piece[];
  text: string;

  constructor(text: string) {
    this.pieces = [{ origin: 0, text }];
    this.text = text;
  }

  /** Splits so that a piece starts at `pos`; returns its index. */
  private splitAt(pos: number): number {
    let at = 0;
    for (let i = 0; i < this.pieces.length; i += 1) {
      const piece = this.pieces[i];
      if (at === pos) return i;
      if (pos < at + piece.text.length) {
        const k = pos - at;
        this.pieces.splice(
          i,
          1,
          { origin: piece.origin, text: piece.text.slice(0, k) },
          { origin: piece.origin < 0 ? -1 : piece.origin + k, text: piece.text.slice(k) },
        );
        return i + 1;
      }
      at += piece.text.length;
    }
    return this.pieces.length;
  }

  insert(pos: number, text: string, origin = -1): void {
    if (text.length === 0) return;
    this.pieces.splice(this.splitAt(pos), 0, { origin, text });
    this.text = this.text.slice(0, pos) + text + this.text.slice(pos);
  }

  delete(start: number, end: number): Piece[] {
    const i = this.splitAt(start);
    const j = this.splitAt(end);
    this.text = this.text.slice(0, start) + this.text.slice(end);
    return this.pieces.splice(i, j - i);
  }

  move(start: number, end: number, to: number): void {
    const movedText = this.text.slice(start, end);
    const moved = this.delete(start, end);
    const target = to > start ? to - (end - start) : to;
    this.pieces.splice(this.splitAt(target), 0, ...moved);
    this.text = this.text.slice(0, target) + movedText + this.text.slice(target);
  }

  /** Where the old characters `[start, end)` are now: runs of [newStart, oldStart, length]. */
  locate(start: number, end: number): Array<[number, number, number]> {
    const runs: Array<[number, number, number]> = [];
    let at = 0;
    for (const piece of this.pieces) {
      const length = piece.text.length;
      if (piece.origin >= 0) {
        const from = Math.max(start, piece.origin);
        const to = Math.min(end, piece.origin + length);
        if (from < to) {
          const newStart = at + (from - piece.origin);
          const last = runs[runs.length - 1];
          if (last && last[0] + last[2] === newStart && last[1] + last[2] === from) last[2] += to - from;
          else runs.push([newStart, from, to - from]);
        }
      }
      at += length;
    }
    return runs;
  }

  /** The current range of old `[start, end)` if it is intact, else null. */
  intact(start: number, end: number): [number, number] | null {
    const runs = this.locate(start, end);
    if (runs.length === 1 && runs[0][2] === end - start) return [runs[0][0], runs[0][0] + runs[0][2]];
    return null;
  }
}

type Truth =
  | { kind: "intact"; start: number; end: number }
  | { kind: "edited"; start: number; end: number }
  | { kind: "destroyed"; remains: [number, number] | null };

function truthOf(tracked: TrackedText, start: number, end: number): Truth {
  const runs = tracked.locate(start, end);
  const length = end - start;
  const survivors = runs.reduce((n, r) => n + r[2], 0);
  if (runs.length === 1 && survivors === length) return { kind: "intact", start: runs[0][0], end: runs[0][0] + length };
  if (runs.length === 0) return { kind: "destroyed", remains: null };
  const first = runs[0][0];
  const last = runs[runs.length - 1][0] + runs[runs.length - 1][2];
  const inOrder = runs.every((r, i) => i === 0 || r[1] > runs[i - 1][1]);
  const span = last - first;
  if (inOrder && survivors >= SURVIVAL_FRACTION * length && span - survivors <= length / 2) {
    return { kind: "edited", start: first, end: last };
  }
  return { kind: "destroyed", remains: [first, last] };
}

function iou(a: [number, number], b: [number, number]): number {
  const inter = Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
  const union = Math.max(a[1], b[1]) - Math.min(a[0], b[0]);
  return union === 0 ? 0 : inter / union;
}

/** Word tokens: [start, end) of each run of non-space characters. */
function words(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(/\S+/g)) out.push([m.index, m.index + m[0].length]);
  return out;
}

interface Job {
  oldText: string;
  newText: string;
  anchors: Array<{ selectors: Selector[]; truth: Truth }>;
}

/** Chooses anchors in `text`, applies `edits` seeded edits, and records the truth for each. */
function makeJob(text: string, anchorCount: number, edits: number, random: () => number, vocabulary: string[]): Job {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const tokens = words(text);
  const anchors: Array<[number, number]> = [];
  for (let tries = 0; anchors.length < anchorCount && tries < anchorCount * 20 && tokens.length > 2; tries += 1) {
    const first = Math.floor(random() * tokens.length);
    const count = 2 + Math.floor(random() * 29);
    const last = Math.min(tokens.length - 1, first + count - 1);
    const [start] = tokens[first];
    const end = tokens[last][1];
    if (last > first && !text.slice(start, end).includes("\n")) anchors.push([start, end]);
  }
  const tracked = new TrackedText(text);
  const phrase = (n: number) => Array.from({ length: n }, () => pick(vocabulary)).join(" ");

  /** A word boundary of the current text near `pos` (the start of the next word). */
  const wordStart = (current: string, pos: number): number => {
    let at = Math.max(0, Math.min(current.length, pos));
    while (at < current.length && !/\s/.test(current[at])) at += 1;
    while (at < current.length && /\s/.test(current[at])) at += 1;
    return at;
  };
  const wordsFrom = (current: string, at: number, n: number): number => {
    let end = at;
    for (let k = 0; k < n && end < current.length; k += 1) {
      while (end < current.length && /\s/.test(current[end])) end += 1;
      while (end < current.length && !/\s/.test(current[end])) end += 1;
    }
    return end;
  };
  /** Inserts, deletes or replaces whole words at word start `at`, touching nothing at or past `limit`. */
  const wordEdit = (current: string, at: number, limit = current.length): void => {
    const kind = random();
    let end = wordsFrom(current, at, 1 + Math.floor(random() * (kind < 2 / 3 ? 4 : 3)));
    // Stopped by the limit: end with the last whole word before it, so no word is glued on.
    if (end > limit) end = Math.max(at, current.slice(0, limit).trimEnd().length);
    if (kind < 1 / 3 || end <= at) tracked.insert(at, phrase(1 + Math.floor(random() * 4)) + " ");
    else if (kind < 2 / 3) tracked.delete(at, end);
    else {
      tracked.delete(at, end);
      tracked.insert(at, phrase(1 + Math.floor(random() * 3)));
    }
  };
  /** Word starts of the current text within `[from, to]`. */
  const wordStarts = (current: string, from: number, to: number): number[] => {
    const out: number[] = [];
    for (let i = Math.max(0, from); i <= Math.min(to, current.length - 1); i += 1) {
      if (!/\s/.test(current[i]) && (i === 0 || /\s/.test(current[i - 1]))) out.push(i);
    }
    return out;
  };

  for (let e = 0; e < edits; e += 1) {
    const current = tracked.text;
    const roll = random();
    const [aStart, aEnd] = pick(anchors) ?? [0, 0];
    const place = tracked.intact(aStart, aEnd);
    if (roll < 0.3 || !place) {
      wordEdit(current, wordStart(current, Math.floor(random() * current.length)));
    } else if (roll < 0.55) {
      // Near: at a word start within 40 characters before the anchor (up to its first word,
      // where only an insertion is possible) or after it; never reaching into the anchor.
      const before = random() < 0.5;
      const starts = before ? wordStarts(current, place[0] - 40, place[0]) : wordStarts(current, place[1] + 1, place[1] + 40);
      if (starts.length > 0) wordEdit(current, pick(starts), before ? place[0] : current.length);
    } else if (roll < 0.7) {
      // Move a line (paragraph) to another line start.
      const lineStarts = [0];
      for (let i = current.indexOf("\n"); i !== -1 && i < current.length - 1; i = current.indexOf("\n", i + 1)) lineStarts.push(i + 1);
      const k = Math.floor(random() * lineStarts.length);
      const start = lineStarts[k];
      const end = k + 1 < lineStarts.length ? lineStarts[k + 1] : current.length;
      const to = pick(lineStarts);
      if (end - start > 1 && (to < start || to > end) && current.endsWith("\n", end)) tracked.move(start, end, to);
    } else if (roll < 0.88) {
      // A word inside the anchor inserted, deleted or replaced.
      const inner = words(current.slice(place[0], place[1]));
      if (inner.length >= 2) {
        const w = 1 + Math.floor(random() * (inner.length - 1));
        const at = place[0] + inner[w][0];
        const kind = random();
        if (kind < 1 / 3) tracked.insert(at, phrase(1) + " ");
        else if (kind < 2 / 3) tracked.delete(at, Math.min(place[1], wordsFrom(current, at, 1) + 1));
        else {
          tracked.delete(at, place[0] + inner[w][1]);
          tracked.insert(at, phrase(1));
        }
      }
    } else {
      // The anchor's whole text deleted.
      tracked.delete(place[0], place[1]);
    }
  }
  return {
    oldText: text,
    newText: tracked.text,
    anchors: anchors.map(([s, e]) => ({ selectors: describe(text, s, e), truth: truthOf(tracked, s, e) })),
  };
}

interface Tally {
  intact: number;
  edited: number;
  destroyed: number;
  right: number;
  wrong: number;
  orphanedSurvived: number;
  orphanedDestroyed: number;
  onRemains: number;
  editedIous: number[];
  changed: number;
  wrongExamples: string[];
}

function newTally(): Tally {
  return {
    intact: 0,
    edited: 0,
    destroyed: 0,
    right: 0,
    wrong: 0,
    orphanedSurvived: 0,
    orphanedDestroyed: 0,
    onRemains: 0,
    editedIous: [],
    changed: 0,
    wrongExamples: [],
  };
}

function tallyResult(tally: Tally, job: Job, truth: Truth, result: AnchorResult, selectors: Selector[]): void {
  if (truth.kind === "intact") tally.intact += 1;
  else if (truth.kind === "edited") tally.edited += 1;
  else tally.destroyed += 1;
  if (result.status === "changed") tally.changed += 1;
  const got: [number, number] | null = result.status === "orphaned" ? null : [result.start, result.end];
  let wrong = false;
  if (truth.kind === "destroyed") {
    if (!got) tally.orphanedDestroyed += 1;
    else if (truth.remains && iou(got, truth.remains) >= RIGHT_PLACE_IOU) tally.onRemains += 1;
    else wrong = true;
  } else if (!got) {
    tally.orphanedSurvived += 1;
  } else if (truth.kind === "intact") {
    if (got[0] === truth.start && got[1] === truth.end) tally.right += 1;
    else wrong = true;
  } else {
    const overlap = iou(got, [truth.start, truth.end]);
    tally.editedIous.push(overlap);
    if (overlap >= RIGHT_PLACE_IOU) tally.right += 1;
    else wrong = true;
  }
  if (wrong) {
    tally.wrong += 1;
    if (tally.wrongExamples.length < 5) {
      const quote = selectors.find((s) => s.type === "TextQuoteSelector");
      const where = truth.kind === "destroyed" ? "destroyed" : `${truth.kind} at ${truth.start}–${truth.end}`;
      tally.wrongExamples.push(
        `    ${JSON.stringify(quote && "exact" in quote ? quote.exact.slice(0, 60) : "")} (${where}) → ${result.status} ` +
          `${got?.join("–")} ${JSON.stringify(job.newText.slice(got![0], got![1]).slice(0, 60))}`,
      );
    }
  }
}

function percent(n: number, of: number): string {
  return of === 0 ? "n/a" : `${((100 * n) / of).toFixed(2)}%`;
}

function report(title: string, tally: Tally, anchors: number, ms: number): void {
  const survived = tally.intact + tally.edited;
  const ious = [...tally.editedIous].sort((a, b) => a - b);
  const quantile = (q: number) => (ious.length ? ious[Math.min(ious.length - 1, Math.floor(q * ious.length))].toFixed(2) : "n/a");
  console.log(`\n${title}`);
  console.log(`  anchors                                  ${anchors}`);
  console.log(`  survived                                 ${survived} (intact ${tally.intact}, edited ${tally.edited})`);
  console.log(`    recovered at the right place           ${tally.right} (${percent(tally.right, survived)})`);
  console.log(`    orphaned though the text survived      ${tally.orphanedSurvived} (${percent(tally.orphanedSurvived, survived)})`);
  console.log(`  destroyed                                ${tally.destroyed}`);
  console.log(`    orphaned when the text was deleted     ${tally.orphanedDestroyed} (${percent(tally.orphanedDestroyed, tally.destroyed)})`);
  console.log(`    found on what remains of it            ${tally.onRemains}`);
  console.log(`  WRONG PLACE                              ${tally.wrong}`);
  console.log(`  reported "changed"                       ${tally.changed}`);
  console.log(`  edited anchors' IoU min / p10 / median   ${quantile(0)} / ${quantile(0.1)} / ${quantile(0.5)}`);
  console.log(`  time per anchor                          ${((1000 * ms) / Math.max(1, anchors)).toFixed(1)} µs (${ms.toFixed(0)} ms in all)`);
  for (const example of tally.wrongExamples) console.log(example);
}

function main(): void {
  const seedArg = process.argv.indexOf("--seed");
  const seed = seedArg > 0 ? Number(process.argv[seedArg + 1]) : 20240601;
  const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
  const corpus = JSON.parse(readFileSync(CORPUS, "utf8")) as { items: Array<{ source: { text: string } }> };
  const sources = [...new Set(corpus.items.map((item) => item.source.text))];
  const vocabulary = [...new Set(sources.slice(0, 40).flatMap((t) => t.match(/[A-Za-z]{2,12}/g) ?? []))];
  console.log(`anchor bench — seed ${seed}, ${sources.length} sources (${sources.reduce((n, t) => n + t.length, 0)} characters)`);

  if (only !== "big") perSource(sources, generator(seed), vocabulary);
  if (only !== "sources") oneMegabyte(sources, generator(seed + 1), vocabulary);
}

function perSource(sources: string[], random: () => number, vocabulary: string[]): void {
  // Batch re-anchoring, then the same anchors one by one.
  const jobs = sources.map((text) => makeJob(text, PER_SOURCE_ANCHORS, 10, random, vocabulary));
  const anchorCount = jobs.reduce((n, j) => n + j.anchors.length, 0);
  const batch = newTally();
  let t = performance.now();
  const batchResults = jobs.map((job) => reanchorAll(job.oldText, job.newText, job.anchors.map((a) => a.selectors)));
  const batchMs = performance.now() - t;
  jobs.forEach((job, j) => job.anchors.forEach((a, i) => tallyResult(batch, job, a.truth, batchResults[j][i], a.selectors)));
  report("per source, reanchorAll", batch, anchorCount, batchMs);

  const single = newTally();
  t = performance.now();
  const singleResults = jobs.map((job) => job.anchors.map((a) => anchor(job.newText, a.selectors)));
  const singleMs = performance.now() - t;
  jobs.forEach((job, j) => job.anchors.forEach((a, i) => tallyResult(single, job, a.truth, singleResults[j][i], a.selectors)));
  report("per source, anchor one by one (no diff)", single, anchorCount, singleMs);

}

function oneMegabyte(sources: string[], random: () => number, vocabulary: string[]): void {
  // The sources concatenated, cut at a line end.
  let big = sources.join("\n\n");
  big = big.slice(0, big.lastIndexOf("\n", BIG_LENGTH) + 1);
  const bigJob = makeJob(big, BIG_ANCHORS, 1200, random, vocabulary);
  const bigSelectors = bigJob.anchors.map((a) => a.selectors);
  let t = performance.now();
  const bigResults = reanchorAll(bigJob.oldText, bigJob.newText, bigSelectors);
  const coldMs = performance.now() - t;
  const warm: number[] = [];
  for (let r = 0; r < 3; r += 1) {
    t = performance.now();
    reanchorAll(bigJob.oldText, bigJob.newText, bigSelectors);
    warm.push(performance.now() - t);
  }
  const bigTally = newTally();
  bigJob.anchors.forEach((a, i) => tallyResult(bigTally, bigJob, a.truth, bigResults[i], a.selectors));
  report(
    `1 MB: ${bigJob.anchors.length} anchors, ${big.length} → ${bigJob.newText.length} characters, 1200 edits, reanchorAll`,
    bigTally,
    bigJob.anchors.length,
    coldMs,
  );
  warm.sort((a, b) => a - b);
  console.log(`  10,000 anchors on 1 MB: first run ${coldMs.toFixed(0)} ms, warm median ${warm[1].toFixed(0)} ms`);
}

main();
