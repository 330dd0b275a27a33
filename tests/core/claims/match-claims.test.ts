// Specification of matching claims across two versions of a briefing.
import { describe, expect, it } from "vitest";
import { matchClaims, NEAR_MATCH_THRESHOLD } from "@/core/claims/match-claims.ts";

const claims = (...texts: string[]) => texts.map((text, i) => ({ id: `c${i}`, text }));
/** The matching as `old index → new index` pairs and the unmatched texts. */
const summary = (oldTexts: string[], newTexts: string[]) => {
  const result = matchClaims(claims(...oldTexts), claims(...newTexts));
  return {
    pairs: result.pairs.map((p) => [p.oldIndex, p.newIndex]),
    unmatchedOld: result.unmatchedOld.map((c) => c.text),
    unmatchedNew: result.unmatchedNew.map((c) => c.text),
  };
};

describe("matchClaims", () => {
  it.each([
    {
      name: "pairs identical versions in order",
      old: ["A claim.", "Another claim.", "A third claim."],
      new: ["A claim.", "Another claim.", "A third claim."],
      expected: { pairs: [[0, 0], [1, 1], [2, 2]], unmatchedOld: [], unmatchedNew: [] },
    },
    {
      name: "pairs a claim after a typo fix",
      old: ["The US military shares the surveillance intellegence with Mexican officials."],
      new: ["The US military shares the surveillance intelligence with Mexican officials."],
      expected: { pairs: [[0, 0]], unmatchedOld: [], unmatchedNew: [] },
    },
    {
      name: "ignores case, quote style and whitespace for exact matches",
      old: ["He said “stop”  now."],
      new: ['he said "stop" now.'],
      expected: { pairs: [[0, 0]], unmatchedOld: [], unmatchedNew: [] },
    },
    {
      name: "reports added and removed claims",
      old: ["Kept claim one.", "Removed entirely, nothing like it.", "Kept claim two."],
      new: ["Kept claim one.", "Kept claim two.", "A brand new point about something else."],
      expected: { pairs: [[0, 0], [2, 1]], unmatchedOld: ["Removed entirely, nothing like it."], unmatchedNew: ["A brand new point about something else."] },
    },
    {
      name: "does not pair texts below the threshold",
      old: ["Mexico deployed 10,000 troops to the border."],
      new: ["The US wants more action against fentanyl labs."],
      expected: { pairs: [], unmatchedOld: ["Mexico deployed 10,000 troops to the border."], unmatchedNew: ["The US wants more action against fentanyl labs."] },
    },
    {
      name: "pairs repeated texts one-to-one, in order",
      old: ["Same.", "Same."],
      new: ["Same.", "Same.", "Same."],
      expected: { pairs: [[0, 0], [1, 1]], unmatchedOld: [], unmatchedNew: ["Same."] },
    },
    {
      name: "keeps exact pairs of moved claims",
      old: ["First claim here.", "Second claim here."],
      new: ["Second claim here.", "First claim here."],
      expected: { pairs: [[1, 0], [0, 1]], unmatchedOld: [], unmatchedNew: [] },
    },
    {
      name: "prefers the near match at the same position among equally close ones",
      old: ["Intro.", "The flights go well into Mexico.", "Middle.", "The flights go well into Mexico!", "End."],
      new: ["Intro.", "The flights go well into Mexico?", "Middle.", "The flights go well into Mexico;", "End."],
      expected: { pairs: [[0, 0], [1, 1], [2, 2], [3, 3], [4, 4]], unmatchedOld: [], unmatchedNew: [] },
    },
    {
      name: "does not make a near pair crossing an exact one",
      old: ["Alpha claim about drones.", "Anchor."],
      new: ["Anchor.", "Alpha claim about drones!"],
      expected: { pairs: [[1, 0]], unmatchedOld: ["Alpha claim about drones."], unmatchedNew: ["Alpha claim about drones!"] },
    },
    {
      name: "handles empty versions",
      old: [],
      new: ["New."],
      expected: { pairs: [], unmatchedOld: [], unmatchedNew: ["New."] },
    },
  ])("$name", ({ old, new: next, expected }) => {
    expect(summary(old, next)).toEqual(expected);
  });

  it("reports the similarity of each pair", () => {
    const result = matchClaims(claims("Exact.", "A typo here in the claimm."), claims("Exact.", "A typo here in the claim."));
    expect(result.pairs[0].similarity).toBe(1);
    expect(result.pairs[1].similarity).toBeGreaterThanOrEqual(NEAR_MATCH_THRESHOLD);
    expect(result.pairs[1].similarity).toBeLessThan(1);
    expect(result.pairs[1].old.id).toBe("c1");
  });

  it.each([0, -0.5, 1.5, Number.NaN])("throws RangeError for threshold %s", (threshold) => {
    expect(() => matchClaims([], [], threshold)).toThrow(RangeError);
  });
});
