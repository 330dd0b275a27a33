import { describe, expect, it } from "vitest";
import { quoteContext } from "@/core/highlight/quote-context.ts";

describe("quoteContext", () => {
  const text = "A heading\n\none two three four five QUOTE six seven eight nine.\n\nNext paragraph.";
  const start = text.indexOf("QUOTE");

  it("gives a few words on either side of the quote", () => {
    expect(quoteContext(text, start, start + 5, 2)).toEqual({
      before: "four five ",
      exact: "QUOTE",
      after: " six seven",
      clippedBefore: true,
      clippedAfter: true,
    });
  });

  it("stops at the paragraph's edges", () => {
    const context = quoteContext(text, start, start + 5, 20);
    expect(context.before).toBe("one two three four five ");
    expect(context.after).toBe(" six seven eight nine.");
  });

  it("says nothing is clipped for a quote that is the whole text", () => {
    expect(quoteContext("alone", 0, 5)).toEqual({ before: "", exact: "alone", after: "", clippedBefore: false, clippedAfter: false });
  });

  it("refuses a quote outside the text", () => {
    expect(() => quoteContext("short", 2, 9)).toThrow(RangeError);
  });
});
