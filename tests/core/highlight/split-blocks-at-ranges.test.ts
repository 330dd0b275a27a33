import { describe, expect, it } from "vitest";
import { splitAtRanges } from "@/core/highlight/split-at-ranges.ts";
import { splitBlocksAtRanges } from "@/core/highlight/split-blocks-at-ranges.ts";

describe("splitBlocksAtRanges", () => {
  const blocks = [
    { start: 0, end: 10 },
    { start: 12, end: 20 },
    { start: 22, end: 40 },
  ];

  it("gives each block the pieces splitAtRanges gives it alone", () => {
    const ranges = [
      { id: "late", start: 30, end: 35 },
      { id: "across", start: 5, end: 25 },
      { id: "first", start: 1, end: 3 },
      { id: "empty", start: 8, end: 8 },
    ];
    const pieces = splitBlocksAtRanges(blocks, ranges);
    expect(pieces).toEqual(blocks.map((b) => splitAtRanges(b.start, b.end, ranges)));
    expect(pieces[1]).toEqual([{ start: 12, end: 20, ids: ["across"] }]);
  });

  it("keeps the input order of ids on shared pieces", () => {
    const ranges = [
      { id: "b", start: 2, end: 6 },
      { id: "a", start: 0, end: 8 },
    ];
    expect(splitBlocksAtRanges([{ start: 0, end: 10 }], ranges)[0][1]).toEqual({ start: 2, end: 6, ids: ["b", "a"] });
  });

  it("matches the block-by-block split on many random ranges", () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const many = Array.from({ length: 400 }, (_, i) => {
      const start = Math.floor(random() * 40);
      return { id: `r${i}`, start, end: start + Math.floor(random() * 12) };
    });
    expect(splitBlocksAtRanges(blocks, many)).toEqual(blocks.map((b) => splitAtRanges(b.start, b.end, many)));
  });

  it("splits 5,000 ranges over a 1 MB text's 1,800 blocks without going quadratic", () => {
    const many = Array.from({ length: 1800 }, (_, i) => ({ start: i * 560, end: i * 560 + 558 }));
    const ranges = Array.from({ length: 5000 }, (_, i) => {
      const block = many[Math.floor((i / 5000) * many.length)];
      return { id: `l${i}`, start: block.start + 10, end: block.start + 80 };
    });
    const best = Math.min(
      ...[0, 1, 2].map(() => {
        const t0 = performance.now();
        splitBlocksAtRanges(many, ranges);
        return performance.now() - t0;
      }),
    );
    expect(best).toBeLessThan(250);
  });

  it("refuses blocks out of order", () => {
    expect(() => splitBlocksAtRanges([{ start: 10, end: 20 }, { start: 0, end: 5 }], [])).toThrow(RangeError);
  });
});
