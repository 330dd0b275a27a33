import { describe, expect, it } from "vitest";
import { groupInSections, READING_LAYOUT } from "@/core/highlight/group-in-sections.ts";

describe("groupInSections", () => {
  const blocks = Array.from({ length: 60 }, (_, i) => ({ start: i * 100, end: i * 100 + 78 }));

  it("groups consecutive blocks in runs of the given size, the last one shorter", () => {
    expect(groupInSections(blocks, 25).map((s) => [s.from, s.to])).toEqual([
      [0, 25],
      [25, 50],
      [50, 60],
    ]);
  });

  it("estimates a section's height from its lines and gaps", () => {
    const [section] = groupInSections(blocks.slice(0, 2), 25);
    expect(section.estimatedHeight).toBe(2 * (READING_LAYOUT.lineHeight + READING_LAYOUT.blockGap));
  });

  it("gives no section for no blocks, and refuses a size below one", () => {
    expect(groupInSections([], 25)).toEqual([]);
    expect(() => groupInSections(blocks, 0)).toThrow(RangeError);
  });
});
