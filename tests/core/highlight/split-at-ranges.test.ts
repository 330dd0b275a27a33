import { describe, expect, it } from "vitest";
import { splitAtRanges } from "@/core/highlight/split-at-ranges.ts";

describe("splitAtRanges", () => {
  const cases = [
    { name: "gives one bare piece when no range touches the stretch", input: [0, 10, [{ id: "a", start: 20, end: 30 }]], expected: [{ start: 0, end: 10, ids: [] }] },
    {
      name: "cuts around a range inside the stretch",
      input: [0, 10, [{ id: "a", start: 2, end: 5 }]],
      expected: [{ start: 0, end: 2, ids: [] }, { start: 2, end: 5, ids: ["a"] }, { start: 5, end: 10, ids: [] }],
    },
    {
      name: "clips ranges that run past the stretch",
      input: [5, 10, [{ id: "a", start: 0, end: 7 }]],
      expected: [{ start: 5, end: 7, ids: ["a"] }, { start: 7, end: 10, ids: [] }],
    },
    {
      name: "marks overlapping ranges on their shared piece",
      input: [0, 6, [{ id: "a", start: 0, end: 4 }, { id: "b", start: 2, end: 6 }]],
      expected: [{ start: 0, end: 2, ids: ["a"] }, { start: 2, end: 4, ids: ["a", "b"] }, { start: 4, end: 6, ids: ["b"] }],
    },
    { name: "ignores empty ranges", input: [0, 4, [{ id: "a", start: 2, end: 2 }]], expected: [{ start: 0, end: 4, ids: [] }] },
    { name: "gives nothing for an empty stretch", input: [3, 3, [{ id: "a", start: 0, end: 9 }]], expected: [] },
  ] as const;
  for (const { name, input, expected } of cases) {
    it(name, () => expect(splitAtRanges(input[0], input[1], input[2])).toEqual(expected));
  }

  it("refuses a stretch that ends before it starts", () => {
    expect(() => splitAtRanges(5, 2, [])).toThrow(RangeError);
  });
});
