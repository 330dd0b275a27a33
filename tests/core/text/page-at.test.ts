import { describe, expect, it } from "vitest";
import { pageAt } from "@/core/text/page-at.ts";
import type { Block } from "@/core/text/types.ts";

const blocks: Block[] = [
  { kind: "heading", start: 0, end: 10, level: 1, page: 1 },
  { kind: "paragraph", start: 12, end: 40, page: 1 },
  { kind: "paragraph", start: 42, end: 90, page: 4 },
];

describe("pageAt", () => {
  const cases = [
    { name: "an offset inside a block", offset: 20, expected: 1 },
    { name: "the first offset of a block on a later page", offset: 42, expected: 4 },
    { name: "an offset in the gap before a block", offset: 41, expected: 4 },
    { name: "the end of the text", offset: 90, expected: 4 },
    { name: "the start", offset: 0, expected: 1 },
  ];
  for (const { name, offset, expected } of cases) it(`gives the page of ${name}`, () => expect(pageAt(blocks, offset)).toBe(expected));

  it("gives null for documents without pages, and for no blocks", () => {
    expect(pageAt([{ kind: "paragraph", start: 0, end: 5 }], 2)).toBeNull();
    expect(pageAt([], 0)).toBeNull();
  });
});
