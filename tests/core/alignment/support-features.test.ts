// Specifies the evidence behind the support estimate, in particular evidence told over a passage of several sentences.
import { describe, expect, it } from "vitest";
import { analyzeClaim } from "@/core/alignment/analyze-claim.ts";
import { indexSources } from "@/core/alignment/index-sources.ts";
import { rankCandidates } from "@/core/alignment/rank-candidates.ts";
import { bestWindowCoverage, supportFeatures, WINDOW_SENTENCES } from "@/core/alignment/support-features.ts";
import { splitSentences } from "@/core/segment/split-sentences.ts";
import type { AlignSource } from "@/core/alignment/types.ts";

const filler = (n: number) => Array.from({ length: n }, (_, i) => `Filler line ${i} speaks of weather and tides.`);
const claimText = "Maria Lopez founded the Ocean Watch institute in Porto in 2019 to track plastic pollution.";
// The claim's facts, one a sentence, told over a short passage.
const passage = [
  "Maria Lopez came back from the sea in 2018.",
  "A year later, in 2019, she founded the Ocean Watch institute.",
  "It is based in Porto.",
  "Its work is to track plastic pollution.",
];

function featuresFor(sources: AlignSource[], text = claimText) {
  const index = indexSources(sources, (t) => splitSentences(t));
  const claim = analyzeClaim(text, index);
  return { index, claim, features: supportFeatures(claim, rankCandidates(index, claim), index) };
}

describe("bestWindowCoverage", () => {
  it("joins the sentences of a passage that tell the claim together", () => {
    const { index, claim, features } = featuresFor([{ id: "a", text: [...filler(6), ...passage, ...filler(6)].join("\n") }]);
    expect(features.windowCoverage).toBeCloseTo(1, 5);
    expect(features.clauseCoverage).toBeLessThan(1);
    expect(bestWindowCoverage(claim, index, 1)).toBeLessThan(features.windowCoverage);
  });

  it(`does not join sentences more than ${WINDOW_SENTENCES} apart`, () => {
    const spread = passage.flatMap((line, i) => (i === 0 ? [line] : [...filler(WINDOW_SENTENCES), line]));
    const { features } = featuresFor([{ id: "a", text: spread.join("\n") }]);
    expect(features.windowCoverage).toBeLessThan(0.8);
    expect(features.sourceCoverage).toBeCloseTo(1, 5);
  });

  it("does not join the end of one source to the start of the next", () => {
    const { features } = featuresFor([
      { id: "a", text: [...filler(6), ...passage.slice(0, 2)].join("\n") },
      { id: "b", text: [...passage.slice(2), ...filler(6)].join("\n") },
    ]);
    expect(features.windowCoverage).toBeLessThan(0.9);
    expect(features.unionCoverage).toBeCloseTo(1, 5);
  });

  it("is 0 for a claim that shares no word with the sources", () => {
    const { features } = featuresFor([{ id: "a", text: filler(4).join("\n") }], "Quantum chromodynamics explains gluon confinement.");
    expect(features.windowCoverage).toBe(0);
  });
});

describe("matchedTerms", () => {
  const longClaim =
    "Maria Lopez founded the Ocean Watch institute in Porto in 2019 to track plastic pollution, and then chaired a European commission on fishing quotas, coastal erosion and marine reserves.";

  it("counts the claim terms the best span holds, whatever the claim's length", () => {
    const sources = [{ id: "a", text: [...filler(4), passage[1], ...filler(4)].join("\n") }];
    const short = featuresFor(sources, "In 2019 she founded the Ocean Watch institute.").features;
    const long = featuresFor(sources, longClaim).features;
    // The same sentence backs both: the same terms matched, a smaller share of the longer claim.
    expect(long.matchedTerms).toBeCloseTo(short.matchedTerms, 5);
    expect(long.windowCoverage).toBeLessThan(short.windowCoverage);
    // "founded", "ocean", "watch", "institute", "2019": five of the ten that make it 1.
    expect(short.matchedTerms).toBeCloseTo(0.5, 5);
  });

  it("reaches 1 at ten matched terms and stays there", () => {
    const { features } = featuresFor([{ id: "a", text: [...filler(4), longClaim, ...filler(4)].join("\n") }], longClaim);
    expect(features.matchedTerms).toBe(1);
  });

  it("counts a related word at its share", () => {
    const own = featuresFor([{ id: "a", text: "The couple married in Lisbon." }], "The couple married in Lisbon.").features;
    const related = featuresFor([{ id: "a", text: "The couple's marriage was in Lisbon." }], "The couple married in Lisbon.").features;
    expect(related.matchedTerms).toBeGreaterThan(0);
    expect(related.matchedTerms).toBeLessThan(own.matchedTerms);
  });

  it("is 0 when no sentence shares a word with the claim", () => {
    const { features } = featuresFor([{ id: "a", text: filler(4).join("\n") }], "Quantum chromodynamics explains gluon confinement.");
    expect(features.matchedTerms).toBe(0);
  });
});
