// Specifies the support estimate: a calibrated mean of the support features, each weighing the same.
import { describe, expect, it } from "vitest";
import { SUPPORT_MODEL } from "@/core/alignment/alignment-weights.ts";
import { estimateSupport } from "@/core/alignment/estimate-support.ts";
import type { SupportFeatures } from "@/core/alignment/support-features.ts";

const used = Object.keys(SUPPORT_MODEL).filter((k) => k !== "intercept") as (keyof SupportFeatures)[];
const features = (value: number, changes: Partial<SupportFeatures> = {}): SupportFeatures => ({
  sourceCoverage: value,
  unionCoverage: value,
  clauseCoverage: value,
  anchorCoverage: value,
  windowCoverage: value,
  matchedTerms: value,
  bigram: value,
  ...changes,
});

describe("estimateSupport", () => {
  it("uses the six evidence features and not the bigram share", () => {
    expect(used.sort()).toEqual(["anchorCoverage", "clauseCoverage", "matchedTerms", "sourceCoverage", "unionCoverage", "windowCoverage"]);
    expect(estimateSupport(features(0.5, { bigram: 0 }))).toBe(estimateSupport(features(0.5, { bigram: 1 })));
  });

  it("gives each feature the same weight: raising any one by the same amount raises support alike", () => {
    const raised = used.map((key) => estimateSupport(features(0.4, { [key]: 0.8 })));
    for (const support of raised) expect(support).toBeCloseTo(raised[0], 10);
    expect(raised[0]).toBeGreaterThan(estimateSupport(features(0.4)));
  });

  it("goes from unbacked to backed as the features rise, through 0.5 in between", () => {
    expect(estimateSupport(features(0))).toBeLessThan(0.05);
    expect(estimateSupport(features(1))).toBeGreaterThan(0.95);
    const undecided = -SUPPORT_MODEL.intercept / used.reduce((sum, key) => sum + SUPPORT_MODEL[key as keyof typeof SUPPORT_MODEL], 0);
    expect(estimateSupport(features(undecided))).toBeCloseTo(0.5, 6);
  });
});
