// Combines a claim's support features into a calibrated 0..1 support score (a logistic model).
import { SUPPORT_MODEL } from "./alignment-weights.ts";
import type { SupportFeatures } from "./support-features.ts";

/** Combines `features` with `model` into a probability-like 0..1 support. */
export function estimateSupport(features: SupportFeatures, model: Readonly<Record<keyof SupportFeatures | "intercept", number>> = SUPPORT_MODEL): number {
  let z = model.intercept;
  for (const key of Object.keys(features) as (keyof SupportFeatures)[]) z += model[key] * features[key];
  return 1 / (1 + Math.exp(-z));
}

