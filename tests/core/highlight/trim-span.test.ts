import { describe, expect, it } from "vitest";
import { trimSpan } from "@/core/highlight/trim-span.ts";

describe("trimSpan", () => {
  const cases = [
    { name: "drops spaces and line breaks at both ends", input: ["  some words\n", 0, 13], expected: { start: 2, end: 12 } },
    { name: "keeps a span that is already tight", input: ["some words", 0, 4], expected: { start: 0, end: 4 } },
    { name: "puts reversed ends in order", input: ["some words", 4, 0], expected: { start: 0, end: 4 } },
    { name: "clips ends outside the text", input: ["word", -3, 99], expected: { start: 0, end: 4 } },
    { name: "gives null for whitespace only", input: ["a   b", 1, 4], expected: null },
  ] as const;
  for (const { name, input, expected } of cases) {
    it(name, () => expect(trimSpan(input[0], input[1], input[2])).toEqual(expected));
  }
});
