// Combines a claim's support features into a calibrated 0..1 support score (a logistic model).
import { SUPPORT_MODEL } from "./alignment-weights.ts";
import type { SupportFeatures } from "./support-features.ts";

/** A logistic model: an intercept and a coefficient per feature (a feature without one counts 0). */
export type SupportModel = { readonly intercept: number } & { readonly [K in keyof SupportFeatures]?: number };

/** Combines `features` with `model` into a probability-like 0..1 support. */
export function estimateSupport(features: SupportFeatures, model: SupportModel = SUPPORT_MODEL): number {
  let z = model.intercept;
  for (const key of Object.keys(features) as (keyof SupportFeatures)[]) z += (model[key] ?? 0) * features[key];
  return 1 / (1 + Math.exp(-z));
}

