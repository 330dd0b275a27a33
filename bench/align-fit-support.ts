// Fits the support model on the WiCE dev set (logistic regression on the support features) and reports AUROC and thresholds.
import { readFileSync } from "node:fs";
import { indexSources } from "@/core/alignment/index-sources.ts";
import { analyzeClaim } from "@/core/alignment/analyze-claim.ts";
import { rankCandidates } from "@/core/alignment/rank-candidates.ts";
import { supportFeatures, type SupportFeatures } from "@/core/alignment/support-features.ts";
import { estimateSupport } from "@/core/alignment/estimate-support.ts";
import { SUPPORT_MODEL } from "@/core/alignment/alignment-weights.ts";
import { splitSentences } from "@/core/segment/split-sentences.ts";

const items: { claim: string; label: string; source: { text: string } }[] = JSON.parse(
  readFileSync(process.argv[2] ?? "/work/shared/eval/wice-dev.json", "utf8"),
).items;
const rows = items.map((it) => {
  const index = indexSources([{ id: "s", text: it.source.text }], (t) => splitSentences(t));
  const claim = analyzeClaim(it.claim, index);
  const features = supportFeatures(claim, rankCandidates(index, claim), index);
  return { features, y: it.label === "not_supported" ? 0 : 1, label: it.label };
});
const names = Object.keys(rows[0].features) as (keyof SupportFeatures)[];

function auroc(scores: number[], ys: number[]): number {
  let wins = 0, pairs = 0;
  scores.forEach((p, i) => {
    if (ys[i] !== 1) return;
    scores.forEach((n, j) => {
      if (ys[j] !== 0) return;
      pairs++;
      wins += p > n ? 1 : p === n ? 0.5 : 0;
    });
  });
  return wins / pairs;
}
const ys = rows.map((r) => r.y);
for (const name of names) console.log(name.padEnd(18), auroc(rows.map((r) => r.features[name]), ys).toFixed(3));

// Logistic regression by gradient descent with L2, classes weighed equally (the unsupported are few).
const lambda = Number(process.env.L2 ?? 0.01);
const wPos = rows.length / (2 * ys.filter((y) => y === 1).length);
const wNeg = rows.length / (2 * ys.filter((y) => y === 0).length);
const coef: Record<string, number> = { intercept: 0, ...Object.fromEntries(names.map((n) => [n, 0])) };
for (let step = 0; step < 20000; step++) {
  const grad: Record<string, number> = Object.fromEntries(Object.keys(coef).map((k) => [k, 0]));
  for (const r of rows) {
    let z = coef.intercept;
    for (const n of names) z += coef[n] * r.features[n];
    const p = 1 / (1 + Math.exp(-z));
    const g = (p - r.y) * (r.y ? wPos : wNeg);
    grad.intercept += g;
    for (const n of names) grad[n] += g * r.features[n];
  }
  for (const k of Object.keys(coef)) coef[k] -= 0.5 * (grad[k] / rows.length + (k === "intercept" ? 0 : lambda * coef[k]));
}
const fitted = Object.fromEntries(Object.entries(coef).map(([k, v]) => [k, Math.round(v * 100) / 100]));
console.log("fitted", fitted);
for (const [name, model] of [["current", SUPPORT_MODEL], ["fitted", fitted]] as const) {
  const support = rows.map((r) => estimateSupport(r.features, model as typeof SUPPORT_MODEL));
  let best = { t: 0, ba: 0 };
  for (let t = 0.05; t < 0.95; t += 0.01) {
    let tp = 0, fn = 0, tn = 0, fp = 0;
    support.forEach((s, i) => {
      const said = s < t;
      if (ys[i] === 0) said ? tp++ : fn++;
      else said ? fp++ : tn++;
    });
    const ba = 0.5 * (tp / (tp + fn) + tn / (tn + fp));
    if (ba > best.ba) best = { t: Math.round(t * 100) / 100, ba: Math.round(ba * 1000) / 1000 };
  }
  const byLabel = (l: string) => {
    const s = support.filter((_, i) => rows[i].label === l).sort((a, b) => a - b);
    return [0.25, 0.5, 0.75].map((q) => s[Math.floor(q * (s.length - 1))].toFixed(2)).join("/");
  };
  console.log(name, "auroc", auroc(support, ys).toFixed(3), "best unsupported threshold", best,
    "quartiles supported", byLabel("supported"), "partial", byLabel("partially_supported"), "not", byLabel("not_supported"));
}
