// Maps a support score to the verdict the engine suggests, by the calibrated thresholds.
import { VERDICT_THRESHOLDS } from "./alignment-weights.ts";
import type { Verdict } from "./types.ts";

/** The verdict suggested for a support score. */
export function suggestVerdict(support: number, thresholds = VERDICT_THRESHOLDS): Verdict {
  if (support >= thresholds.supported) return "supported";
  return support < thresholds.unsupported ? "unsupported" : "partial";
}
