// Times the attribution engine's phases in-process on a job file (e.g. the scorer's --scale job).
import { readFileSync } from "node:fs";
import { indexSources } from "@/core/alignment/index-sources.ts";
import { analyzeClaim } from "@/core/alignment/analyze-claim.ts";
import { rankCandidates } from "@/core/alignment/rank-candidates.ts";
import { alignClaims } from "@/core/alignment/align-claims.ts";
import { splitSentences } from "@/core/segment/split-sentences.ts";

const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const task = job.tasks[0];
for (let round = 0; round < 3; round++) {
  let t = performance.now();
  const spans = task.sources.map((s: { text: string }) => splitSentences(s.text));
  const tSplit = performance.now() - t;
  t = performance.now();
  const index = indexSources(task.sources, (text) => spans[task.sources.findIndex((s: { text: string }) => s.text === text)]);
  const tIndex = performance.now() - t;
  t = performance.now();
  const analyzed = task.claims.map((c: { text: string }) => analyzeClaim(c.text, index));
  const tAnalyze = performance.now() - t;
  t = performance.now();
  for (const a of analyzed) rankCandidates(index, a);
  const tRank = performance.now() - t;
  t = performance.now();
  alignClaims(task);
  const tAll = performance.now() - t;
  console.log({ sentences: index.sentences.length, tSplit, tIndex, tAnalyze, tRank, tAll });
}
