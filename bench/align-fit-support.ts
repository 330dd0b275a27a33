// Fits the support model on the WiCE dev set (logistic regression on the support features), with cross-validated AUROC and balanced accuracy.
//
//   npx tsx bench/align-fit-support.ts [DATA] — env FEATURES="a,b,c" picks features (default: all), L2 the penalty.
import { readFileSync } from "node:fs";
import { indexSources } from "@/core/alignment/index-sources.ts";
import { analyzeClaim } from "@/core/alignment/analyze-claim.ts";
import { rankCandidates } from "@/core/alignment/rank-candidates.ts";
import { supportFeatures, type SupportFeatures } from "@/core/alignment/support-features.ts";
import { estimateSupport, type SupportModel } from "@/core/alignment/estimate-support.ts";
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
type Row = (typeof rows)[number];
const all = Object.keys(rows[0].features) as (keyof SupportFeatures)[];
const names = process.env.FEATURES ? (process.env.FEATURES.split(",") as (keyof SupportFeatures)[]) : all;
const lambda = Number(process.env.L2 ?? 0.01);

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

function balancedAccuracy(support: number[], ys: number[], threshold: number): number {
  let tp = 0, fn = 0, tn = 0, fp = 0;
  support.forEach((s, i) => {
    const said = s < threshold;
    if (ys[i] === 0) said ? tp++ : fn++;
    else said ? fp++ : tn++;
  });
  return 0.5 * (tp / (tp + fn || 1) + tn / (tn + fp || 1));
}

// Logistic regression by gradient descent with L2, classes weighed equally (the unsupported are few).
function fit(train: Row[]): SupportModel {
  const ys = train.map((r) => r.y);
  const wPos = train.length / (2 * ys.filter((y) => y === 1).length);
  const wNeg = train.length / (2 * ys.filter((y) => y === 0).length);
  const coef: Record<string, number> = { intercept: 0, ...Object.fromEntries(names.map((n) => [n, 0])) };
  for (let step = 0; step < 6000; step++) {
    const grad: Record<string, number> = Object.fromEntries(Object.keys(coef).map((k) => [k, 0]));
    for (const r of train) {
      let z = coef.intercept;
      for (const n of names) z += coef[n] * r.features[n];
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - r.y) * (r.y ? wPos : wNeg);
      grad.intercept += g;
      for (const n of names) grad[n] += g * r.features[n];
    }
    for (const k of Object.keys(coef)) coef[k] -= 0.5 * (grad[k] / train.length + (k === "intercept" ? 0 : lambda * coef[k]));
  }
  return coef as SupportModel;
}

const ys = rows.map((r) => r.y);
for (const name of all) console.log(name.padEnd(22), auroc(rows.map((r) => r.features[name]), ys).toFixed(3));

// Stratified k-fold cross-validation, repeated with shuffles from a fixed seed.
let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const FOLDS = 10, REPEATS = Number(process.env.REPEATS ?? 3);
const cv = { auroc: 0, ba: 0 };
for (let repeat = 0; repeat < REPEATS; repeat++) {
  const fold = new Array<number>(rows.length);
  for (const label of [0, 1]) {
    const members = rows.map((r, i) => (r.y === label ? i : -1)).filter((i) => i >= 0).sort(() => random() - 0.5);
    members.forEach((i, k) => (fold[i] = k % FOLDS));
  }
  const predicted = new Array<number>(rows.length);
  for (let f = 0; f < FOLDS; f++) {
    const model = fit(rows.filter((_, i) => fold[i] !== f));
    rows.forEach((r, i) => {
      if (fold[i] === f) predicted[i] = estimateSupport(r.features, model);
    });
  }
  cv.auroc += auroc(predicted, ys) / REPEATS;
  cv.ba += balancedAccuracy(predicted, ys, 0.5) / REPEATS;
}
console.log(`cross-validated (${FOLDS}-fold ×${REPEATS}): auroc ${cv.auroc.toFixed(3)}, balanced accuracy at 0.5 ${cv.ba.toFixed(3)}`);

const fitted = Object.fromEntries(Object.entries(fit(rows)).map(([k, v]) => [k, Math.round(v * 100) / 100])) as SupportModel;
console.log("fitted on all", fitted);
for (const [name, model] of [["current", SUPPORT_MODEL], ["fitted", fitted]] as const) {
  const support = rows.map((r) => estimateSupport(r.features, model));
  let best = { t: 0, ba: 0 };
  for (let t = 0.05; t < 0.95; t += 0.01) {
    const ba = balancedAccuracy(support, ys, t);
    if (ba > best.ba) best = { t: Math.round(t * 100) / 100, ba: Math.round(ba * 1000) / 1000 };
  }
  const byLabel = (l: string) => {
    const s = support.filter((_, i) => rows[i].label === l).sort((a, b) => a - b);
    return [0.25, 0.5, 0.75].map((q) => s[Math.floor(q * (s.length - 1))].toFixed(2)).join("/");
  };
  console.log(name, "auroc", auroc(support, ys).toFixed(3), "best unsupported threshold", best,
    "quartiles supported", byLabel("supported"), "partial", byLabel("partially_supported"), "not", byLabel("not_supported"));
}
