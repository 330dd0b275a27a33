// Builds a large, deterministic dossier from real text: sources recombined from the WiCE dev set's web pages and the seed post, and a briefing of claims drawn from them.
//
// Sources: the paragraphs (lines of eight words or more) of the WiCE dev set's 349 cited web
// pages and of tests/fixtures/text/seed-post.txt, dealt out to the sources in runs of
// consecutive pages so each source reads like a bundle of related pages. The pool holds about
// half the words asked for, so paragraphs recur; each repeat has its figures changed and its
// sentences rotated, as a second outlet's account of the same story would.
//
// Claims, one sentence each, drawn from the finished sources with a seeded generator:
// - paraphrase (40 %): a source sentence with common words swapped for synonyms, an opening
//   clause moved to the end, or a trailing clause dropped;
// - changed number (20 %): a source sentence holding a figure, the figure changed;
// - quote (15 %): a passage of 6–14 words quoted from a source sentence, a third of them with
//   their case or punctuation altered (near quotes);
// - unbacked (25 %): Wikipedia sentences around the WiCE claims (their context) and the WiCE
//   claims labelled not supported, which the dossier's pages do not back.
import { readFileSync } from "node:fs";
import path from "node:path";
import { extractClaims } from "@/core/claims/extract-claims.ts";
import { importPlainText } from "@/core/import/import-plain-text.ts";
import { splitSentences } from "@/core/segment/split-sentences.ts";

/** The kinds of claim the generator writes. */
export type GeneratedClaimKind = "paraphrase" | "changed-number" | "quote" | "unbacked";

/** A generated dossier: sources, and the briefing's claims in order. */
export interface LargeDossier {
  sources: { title: string; text: string }[];
  claims: { text: string; kind: GeneratedClaimKind }[];
  /** The briefing as plain text: a title line, then one paragraph per claim. */
  briefing: string;
}

/** What to generate. */
export interface LargeDossierOptions {
  sources?: number;
  words?: number;
  claims?: number;
  seed?: number;
}

const WICE = path.resolve(import.meta.dirname, "../../shared/eval/wice-dev.json");
const SEED_POST = path.resolve(import.meta.dirname, "../tests/fixtures/text/seed-post.txt");

/** A seeded generator (mulberry32), so every run builds the same dossier. */
export function seededRandom(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Counts words as runs of non-space characters. */
export function countWords(text: string): number {
  const matches = text.match(/\S+/g);
  return matches ? matches.length : 0;
}

interface WiceItem {
  claim: string;
  label: string;
  claim_context?: string;
  source: { text: string };
}

const TITLE = "Large dossier briefing";

/** Builds the dossier; the same options give the same dossier. */
export function makeLargeDossier(options: LargeDossierOptions = {}): LargeDossier {
  const sourceCount = options.sources ?? 50;
  const words = options.words ?? 1_000_000;
  const claimCount = options.claims ?? 2000;
  const rand = seededRandom(options.seed ?? 20261129);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];

  const wice = (JSON.parse(readFileSync(WICE, "utf8")) as { items: WiceItem[] }).items;
  // Pages in file order; the seed post is one more page.
  const pages = [...wice.map((item) => item.source.text), readFileSync(SEED_POST, "utf8")].map((text) =>
    text
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => countWords(line) >= 8),
  );
  const pageTitles = wice.map((item) => /TITLE:\s*([^\n]+)/.exec(item.source.text)?.[1]?.trim() ?? "Untitled page");

  // Each source takes runs of consecutive pages, starting where the previous one stopped.
  const wordsPerSource = Math.ceil(words / sourceCount);
  const sources: LargeDossier["sources"] = [];
  const uses = new Map<number, number>();
  let page = 0;
  for (let s = 0; s < sourceCount; s++) {
    const paragraphs: string[] = [];
    let count = 0;
    const firstPage = page % pages.length;
    while (count < wordsPerSource) {
      const p = page % pages.length;
      const copy = uses.get(p) ?? 0;
      uses.set(p, copy + 1);
      for (const paragraph of pages[p]) {
        if (count >= wordsPerSource) break;
        const text = copy === 0 ? paragraph : vary(paragraph, rand);
        paragraphs.push(text);
        count += countWords(text);
      }
      page++;
    }
    const title = `${pageTitles[firstPage] ?? "Seed post"} (bundle ${s + 1})`;
    sources.push({ title: title.slice(0, 300), text: paragraphs.join("\n\n") });
  }

  // Candidate sentences of the sources: one sentence of 10–40 words, on one line.
  const sentences: string[] = [];
  for (const source of sources) {
    for (const span of splitSentences(source.text)) {
      const text = source.text.slice(span.start, span.end);
      const n = countWords(text);
      if (n >= 10 && n <= 40 && !text.includes("\n")) sentences.push(text);
    }
  }
  const withNumber = sentences.filter((s) => /\b\d[\d,.]*\b/.test(s));
  const unbacked = wice.flatMap((item) => [
    ...(item.label === "not_supported" ? [item.claim] : []),
    ...(item.claim_context ?? "")
      .split("\n")
      .flatMap((line) => splitSentences(line).map((span) => line.slice(span.start, span.end).trim())),
  ]).filter((s) => countWords(s) >= 8 && countWords(s) <= 45);

  let claims: LargeDossier["claims"] = [];
  const used = new Set<string>();
  const briefingOf = (list: LargeDossier["claims"]) => `${TITLE}\n\n${list.map((c) => c.text).join("\n\n")}\n`;
  for (;;) {
    while (claims.length < claimCount) {
      const r = rand();
      let claim: { text: string; kind: GeneratedClaimKind };
      if (r < 0.4) claim = { text: paraphrase(pick(sentences), rand), kind: "paraphrase" };
      else if (r < 0.6) claim = { text: changeNumber(pick(withNumber), rand), kind: "changed-number" };
      else if (r < 0.75) claim = { text: quote(pick(sentences), pick(pageTitles), rand), kind: "quote" };
      else claim = { text: pick(unbacked), kind: "unbacked" };
      // A briefing's sentence ends with a full stop (else the importer may take it for a heading).
      const text = claim.text
        .replace(/\s+/g, " ")
        .trim()
        .replace(/[,;:]$/, "")
        .replace(/([\p{L}\p{N})])$/u, "$1.");
      // One claim a paragraph: keep only texts the briefing's importer reads as one claim, as it reads them.
      const read = extractClaims(importPlainText(`${TITLE}\n\n${text}\n`));
      if (read.length !== 1 || used.has(read[0].text)) continue;
      used.add(read[0].text);
      claims.push({ text: read[0].text, kind: claim.kind });
    }
    // A few paragraphs read differently among others (a label carried over, a heading): drop
    // those and draw again until the briefing reads as exactly these claims.
    const read = extractClaims(importPlainText(briefingOf(claims))).map((c) => c.text);
    const readSet = new Set(read);
    const kept = claims.filter((c) => readSet.has(c.text));
    if (kept.length === claims.length && read.length === claims.length) break;
    claims = kept;
  }
  return { sources, claims, briefing: briefingOf(claims) };
}

/** A repeated paragraph: figures changed, sentences rotated. */
function vary(paragraph: string, rand: () => number): string {
  const changed = paragraph.replace(/\b\d+\b/g, (digits) => (rand() < 0.5 ? digits : String(Number(digits) + 1 + Math.floor(rand() * 9))));
  const spans = splitSentences(changed);
  if (spans.length < 2) return changed;
  const parts = spans.map((span) => changed.slice(span.start, span.end));
  const at = 1 + Math.floor(rand() * (parts.length - 1));
  return [...parts.slice(at), ...parts.slice(0, at)].join(" ");
}

const SYNONYMS: [RegExp, string][] = [
  [/\bsaid\b/, "stated"],
  [/\bannounced\b/, "declared"],
  [/\bcompany\b/, "firm"],
  [/\bmore than\b/, "over"],
  [/\bbegan\b/, "started"],
  [/\bbuilt\b/, "constructed"],
  [/\blarge\b/, "big"],
  [/\bhelp\b/, "assist"],
  [/\bshow\b/, "display"],
  [/\bbought\b/, "purchased"],
  [/\bbig\b/, "large"],
  [/\bimportant\b/, "significant"],
  [/\bfamous\b/, "well-known"],
  [/\bdied\b/, "passed away"],
  [/\bwon\b/, "took"],
  [/\bused\b/, "employed"],
  [/\babout\b/, "roughly"],
  [/\bcreated\b/, "founded"],
  [/\bstarted\b/, "launched"],
  [/\bmajor\b/, "leading"],
];

/** A looser wording of `sentence`: synonyms, an opening clause moved, or a trailing clause dropped. */
function paraphrase(sentence: string, rand: () => number): string {
  let text = sentence;
  for (const [word, synonym] of SYNONYMS) if (word.test(text) && rand() < 0.7) text = text.replace(word, synonym);
  const opening = /^((?:In|On|By|After|During|Since|Before)\b[^,]{2,40}),\s+(\S)(.*?)([.!?]?)$/u.exec(text);
  const r = rand();
  if (opening && r < 0.6) {
    text = `${opening[2].toUpperCase()}${opening[3]} ${opening[1][0].toLowerCase()}${opening[1].slice(1)}${opening[4] || "."}`;
  } else if (r < 0.8) {
    const comma = text.lastIndexOf(", ");
    if (comma > text.length * 0.5) text = `${text.slice(0, comma)}.`;
  }
  return text;
}

/** `sentence` with one of its figures changed. */
function changeNumber(sentence: string, rand: () => number): string {
  const figures = [...sentence.matchAll(/\b\d[\d,.]*\d\b|\b\d\b/g)];
  const figure = figures[Math.floor(rand() * figures.length)];
  const digits = figure[0].replace(/[,.]/g, "");
  const value = Number(digits);
  const changed = /^(1[89]|20)\d\d$/.test(figure[0]) ? String(value + (rand() < 0.5 ? -1 : 1) * (1 + Math.floor(rand() * 3))) : String(Math.max(1, Math.round(value * (1.2 + rand()))));
  return `${sentence.slice(0, figure.index)}${changed}${sentence.slice(figure.index! + figure[0].length)}`;
}

/** A claim quoting 6–14 words of `sentence`, a third of the time with its case or punctuation altered. */
function quote(sentence: string, outlet: string, rand: () => number): string {
  const words = sentence.replace(/["“”]/g, "").split(/\s+/);
  const length = Math.min(words.length, 6 + Math.floor(rand() * 9));
  const start = Math.floor(rand() * (words.length - length + 1));
  let passage = words
    .slice(start, start + length)
    .join(" ")
    .replace(/[.!?]+$/, "");
  if (rand() < 1 / 3) passage = rand() < 0.5 ? passage.toLowerCase() : passage.replace(/,/g, "");
  const speaker = outlet.split(/[–|:-]/)[0].trim().slice(0, 60) || "The page";
  return rand() < 0.5 ? `${speaker} wrote that "${passage}".` : `"${passage}," according to ${speaker}.`;
}
