import { describe, expect, it } from "vitest";
import { traceBackSpan } from "@/core/review/trace-back-span.ts";

describe("traceBackSpan", () => {
  const oldText = "The government has deployed 10,000 troops to the border.\n\nOther news.";
  const newText = "Intro.\n\nThe government has deployed 12,000 troops to the border.\n\nOther news.";

  it("finds the words a changed span replaced", () => {
    const start = newText.indexOf("deployed");
    const end = newText.indexOf(" to the border");
    expect(traceBackSpan(oldText, newText, start, end)).toBe("deployed 10,000 troops");
  });

  it("finds an unchanged span that moved", () => {
    const start = newText.indexOf("Other news");
    expect(traceBackSpan(oldText, newText, start, start + 10)).toBe("Other news");
  });

  it("refuses a span outside the new text", () => {
    expect(() => traceBackSpan(oldText, newText, 0, newText.length + 1)).toThrow(RangeError);
  });
});
