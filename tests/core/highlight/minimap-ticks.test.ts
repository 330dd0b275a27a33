import { describe, expect, it } from "vitest";
import { minimapTicks } from "@/core/highlight/minimap-ticks.ts";

describe("minimapTicks", () => {
  it("places each span at its share of the text", () => {
    const [tick] = minimapTicks(1000, [{ start: 500, end: 600, kind: "supports" }]);
    expect(tick).toMatchObject({ top: 0.5, kind: "supports", start: 500 });
    expect(tick.height).toBeCloseTo(0.1);
  });

  it("merges nearby spans of one kind into one tick", () => {
    const ticks = minimapTicks(1000, [
      { start: 200, end: 300, kind: "supports" },
      { start: 301, end: 400, kind: "supports" },
      { start: 800, end: 810, kind: "supports" },
    ]);
    expect(ticks.map((t) => [t.start, t.top])).toEqual([
      [200, 0.2],
      [800, 0.8],
    ]);
    expect(ticks[0].height).toBeCloseTo(0.2);
  });

  it("never lets a long span of one kind swallow a short one of another, and puts the strongest last", () => {
    const rank = (kind: string) => ["contradicts", "supports", "suggested"].indexOf(kind);
    const ticks = minimapTicks(
      1000,
      [
        { start: 0, end: 1000, kind: "suggested" },
        { start: 400, end: 450, kind: "contradicts" },
        { start: 100, end: 150, kind: "supports" },
      ],
      { rank },
    );
    expect(ticks.map((t) => t.kind)).toEqual(["suggested", "supports", "contradicts"]);
    expect(ticks[2]).toMatchObject({ top: 0.4, start: 400 });
  });

  it("gives a tiny span a visible height", () => {
    expect(minimapTicks(100_000, [{ start: 10, end: 11, kind: "x" }], { minHeight: 0.01 })[0].height).toBeCloseTo(0.01);
  });

  it("is empty for an empty text or no spans", () => {
    expect(minimapTicks(0, [{ start: 0, end: 1, kind: "x" }])).toEqual([]);
    expect(minimapTicks(100, [])).toEqual([]);
  });
});
