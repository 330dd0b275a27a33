import { describe, expect, it } from "vitest";
import { minimapTicks } from "@/core/highlight/minimap-ticks.ts";

describe("minimapTicks", () => {
  it("places each span at its share of the text", () => {
    const [tick] = minimapTicks(1000, [{ start: 500, end: 600, kind: "supports" }]);
    expect(tick).toMatchObject({ top: 0.5, kinds: ["supports"], start: 500 });
    expect(tick.height).toBeCloseTo(0.1);
  });

  it("keeps touching spans of different kinds apart, and merges those of one kind", () => {
    const ticks = minimapTicks(1000, [
      { start: 100, end: 200, kind: "suggested" },
      { start: 200, end: 300, kind: "supports" },
      { start: 301, end: 400, kind: "supports" },
    ]);
    expect(ticks.map((t) => [t.kinds, t.start])).toEqual([
      [["suggested"], 100],
      [["supports"], 200],
    ]);
  });

  it("merges spans that overlap, strongest kind first", () => {
    const rank = (kind: string) => ["contradicts", "supports", "suggested"].indexOf(kind);
    const ticks = minimapTicks(
      1000,
      [
        { start: 100, end: 110, kind: "suggested" },
        { start: 105, end: 120, kind: "contradicts" },
        { start: 900, end: 910, kind: "supports" },
      ],
      { rank },
    );
    expect(ticks.map((t) => t.kinds)).toEqual([["contradicts", "suggested"], ["supports"]]);
    expect(ticks[0]).toMatchObject({ top: 0.1, start: 100 });
    expect(ticks[0].height).toBeCloseTo(0.02);
  });

  it("gives a tiny span a visible height", () => {
    expect(minimapTicks(100_000, [{ start: 10, end: 11, kind: "x" }], { minHeight: 0.01 })[0].height).toBeCloseTo(0.01);
  });

  it("is empty for an empty text or no spans", () => {
    expect(minimapTicks(0, [{ start: 0, end: 1, kind: "x" }])).toEqual([]);
    expect(minimapTicks(100, [])).toEqual([]);
  });
});
