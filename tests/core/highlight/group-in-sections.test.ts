import { describe, expect, it } from "vitest";
import { groupInSections, READING_LAYOUT, SECTION_HEIGHT } from "@/core/highlight/group-in-sections.ts";

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

  it("closes a section early once its estimated height reaches the budget", () => {
    // Paragraphs of 10 lines: 10 × 29 + 17 = 307 px each, so four of them pass 1,200 px.
    const long = Array.from({ length: 10 }, (_, i) => ({ start: i * 1000, end: i * 1000 + 780 }));
    const sections = groupInSections(long, 25, 1200);
    expect(sections.map((s) => [s.from, s.to])).toEqual([
      [0, 4],
      [4, 8],
      [8, 10],
    ]);
    expect(sections[0].estimatedHeight).toBe(4 * (10 * READING_LAYOUT.lineHeight + READING_LAYOUT.blockGap));
    expect(SECTION_HEIGHT).toBeGreaterThan(0);
  });

  it("never cuts a block: one taller than the budget closes the section it ends", () => {
    const huge = [
      { start: 0, end: 50 },
      { start: 60, end: 60 + 78 * 100 },
      { start: 8000, end: 8050 },
    ];
    expect(groupInSections(huge, 25, 1200).map((s) => [s.from, s.to])).toEqual([
      [0, 2],
      [2, 3],
    ]);
  });

  it("gives no section for no blocks, and refuses a size below one or a budget of no height", () => {
    expect(groupInSections([], 25)).toEqual([]);
    expect(() => groupInSections(blocks, 0)).toThrow(RangeError);
    expect(() => groupInSections(blocks, 25, 0)).toThrow(RangeError);
    expect(() => groupInSections(blocks, 25, Number.NaN)).toThrow(RangeError);
  });
});
