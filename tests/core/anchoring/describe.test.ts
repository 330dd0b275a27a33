// Specifications of `describe`: a range becomes a quote selector with context and a position selector.
import { describe as suite, expect, it } from "vitest";
import { describe } from "@/core/anchoring/describe.ts";

suite("describe", () => {
  it("makes a quote with 32 characters of context and a position", () => {
    const text = "x".repeat(50) + "QUOTE" + "y".repeat(50);
    expect(describe(text, 50, 55)).toEqual([
      { type: "TextQuoteSelector", exact: "QUOTE", prefix: "x".repeat(32), suffix: "y".repeat(32) },
      { type: "TextPositionSelector", start: 50, end: 55 },
    ]);
  });

  it("keeps shorter context at the edges of the text", () => {
    expect(describe("ab", 0, 2)[0]).toMatchObject({ exact: "ab", prefix: "", suffix: "" });
  });

  const bad: Array<{ name: string; start: number; end: number }> = [
    { name: "a negative start", start: -1, end: 2 },
    { name: "an end past the text", start: 0, end: 11 },
    { name: "an empty range", start: 3, end: 3 },
    { name: "a reversed range", start: 5, end: 2 },
    { name: "fractional offsets", start: 0.5, end: 2 },
    { name: "NaN", start: Number.NaN, end: 2 },
  ];
  for (const b of bad) {
    it(`throws a RangeError for ${b.name}`, () => {
      expect(() => describe("0123456789", b.start, b.end)).toThrow(RangeError);
    });
  }
});
