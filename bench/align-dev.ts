// Measures the attribution engine in-process on the WiCE dev set: ranking hits and unsupported detection.
import { readFileSync } from "node:fs";
import { indexSources } from "@/core/alignment/index-sources.ts";
import { analyzeClaim } from "@/core/alignment/analyze-claim.ts";
import { rankCandidates } from "@/core/alignment/rank-candidates.ts";
import { ALIGNMENT_WEIGHTS } from "@/core/alignment/alignment-weights.ts";
const weights = { ...ALIGNMENT_WEIGHTS, ...JSON.parse(process.env.WEIGHTS ?? "{}") };
import { splitSentences } from "@/core/segment/split-sentences.ts";

interface Item {
  id: string;
  claim: string;
  label: string;
  source: { text: string; sentence_spans: [number, number][] };
  gold_supporting_sentence_sets: number[][];
}
const path = process.argv[2] ?? "/work/shared/eval/wice-dev.json";
const items: Item[] = JSON.parse(readFileSync(path, "utf8")).items;
const splits = new Map(items.map((it) => [it.id, splitSentences(it.source.text)]));
let withEvidence = 0, p1 = 0, h3 = 0, h5 = 0;
const misses: string[] = [];
const t0 = performance.now();
for (const it of items) {
  const index = indexSources([{ id: "source", text: it.source.text }], () => splits.get(it.id)!);
  const claim = analyzeClaim(it.claim, index, weights);
  const ranked = rankCandidates(index, claim, { weights });
  const gold = new Set(it.gold_supporting_sentence_sets.flat());
  if (!gold.size) continue;
  withEvidence++;
  const spans = [...gold].map((i) => it.source.sentence_spans[i]);
  const hit = (r?: (typeof ranked)[number]) => {
    if (!r) return false;
    const start = index.sentences[r.first].start, end = index.sentences[r.last].end;
    return spans.some(([a, b]) => start < b && a < end);
  };
  p1 += hit(ranked[0]) ? 1 : 0;
  h3 += ranked.slice(0, 3).some(hit) ? 1 : 0;
  h5 += ranked.slice(0, 5).some(hit) ? 1 : 0;
  if (!hit(ranked[0]) && process.env.SHOW) {
    const top = ranked[0];
    misses.push(`${it.id} ${it.label}\n  C: ${it.claim}\n  TOP(${top?.score.toFixed(3)} ${top?.last - top?.first + 1}): ${top ? it.source.text.slice(index.sentences[top.first].start, index.sentences[top.last].end).slice(0, 300) : "-"}\n  GOLD: ${spans.slice(0, 3).map(([a, b]) => it.source.text.slice(a, b).slice(0, 200)).join(" | ")}`);
  }
}
const r = (x: number) => Math.round(x * 1000) / 1000;
console.log({ withEvidence, top1: r(p1 / withEvidence), hit3: r(h3 / withEvidence), hit5: r(h5 / withEvidence), ms: Math.round(performance.now() - t0) });
if (process.env.SHOW) console.log(misses.join("\n"));
