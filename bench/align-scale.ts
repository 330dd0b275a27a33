// Times the attribution engine's phases in-process on a job file (e.g. the scorer's --scale job): the first, cold call
// (loading the WordNet tables included) and the best of five warm calls per phase.
import { readFileSync } from "node:fs";
import { indexSources } from "@/core/alignment/index-sources.ts";
import { analyzeClaim } from "@/core/alignment/analyze-claim.ts";
import { rankCandidates } from "@/core/alignment/rank-candidates.ts";
import { supportFeatures } from "@/core/alignment/support-features.ts";
import { alignClaims } from "@/core/alignment/align-claims.ts";
import { splitSentences } from "@/core/segment/split-sentences.ts";
import type { Span } from "@/core/text/types.ts";

const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const task = job.tasks[0];
const time = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const out = f();
  return [out, performance.now() - t];
};
const [, cold] = time(() => alignClaims(task));
const best = { split: Infinity, index: Infinity, analyze: Infinity, rank: Infinity, support: Infinity, all: Infinity };
for (let round = 0; round < 5; round++) {
  const [spans, tSplit] = time(() => task.sources.map((s: { text: string }) => splitSentences(s.text)));
  const bySource = new Map<string, Span[]>(task.sources.map((s: { text: string }, i: number) => [s.text, spans[i]]));
  const [index, tIndex] = time(() => indexSources(task.sources, (text) => bySource.get(text)!));
  const [analyzed, tAnalyze] = time(() => task.claims.map((c: { text: string }) => analyzeClaim(c.text, index)));
  const [ranked, tRank] = time(() => analyzed.map((a: ReturnType<typeof analyzeClaim>) => rankCandidates(index, a)));
  const [, tSupport] = time(() => analyzed.forEach((a: ReturnType<typeof analyzeClaim>, i: number) => supportFeatures(a, ranked[i], index)));
  const [, tAll] = time(() => alignClaims(task));
  best.split = Math.min(best.split, tSplit);
  best.index = Math.min(best.index, tIndex);
  best.analyze = Math.min(best.analyze, tAnalyze);
  best.rank = Math.min(best.rank, tRank);
  best.support = Math.min(best.support, tSupport);
  best.all = Math.min(best.all, tAll);
}
const ms = (x: number) => Math.round(x);
console.log({ claims: task.claims.length, coldMs: ms(cold), warmMs: Object.fromEntries(Object.entries(best).map(([k, v]) => [k, ms(v)])) });
