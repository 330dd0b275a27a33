// Specifications of `anchor`: the fallback chain from position to quote to fuzzy, and when to orphan.
import { describe as suite, expect, it } from "vitest";
import { anchor } from "@/core/anchoring/anchor.ts";
import { describe } from "@/core/anchoring/describe.ts";
import type { AnchorResult } from "@/core/anchoring/types.ts";

const article =
  "The committee met on Tuesday to review the budget. After a long debate, the members agreed " +
  "to postpone the vote until the next session. The chair thanked everyone for their patience. " +
  "Local reporters said the decision surprised few people in the town.";

function selectorsFor(text: string, quote: string, occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i += 1) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`quote not in text: ${quote}`);
  return describe(text, start, start + quote.length);
}

function placeOf(result: AnchorResult): [number, number] | null {
  return result.status === "orphaned" ? null : [result.start, result.end];
}

suite("anchor", () => {
  const quote = "the members agreed to postpone the vote";

  const cases: Array<{ name: string; edit: (t: string) => string; expected: "anchored" | "changed" | "orphaned"; find?: string }> = [
    { name: "anchors a quote in unchanged text", edit: (t) => t, expected: "anchored", find: quote },
    {
      name: "re-anchors after an insert before it",
      edit: (t) => "Breaking news from the council. " + t,
      expected: "anchored",
      find: quote,
    },
    {
      name: "re-anchors after a word inserted right beside it",
      edit: (t) => t.replace("debate, the members", "debate, all of the members"),
      expected: "anchored",
      find: quote,
    },
    {
      name: "orphans a quote that was deleted",
      edit: (t) => t.replace("After a long debate, the members agreed to postpone the vote until the next session. ", ""),
      expected: "orphaned",
    },
    {
      name: "reports changed when a word of the quote was edited",
      edit: (t) => t.replace("agreed to postpone", "voted to postpone"),
      expected: "changed",
      find: "the members voted to postpone the vote",
    },
    {
      name: "re-anchors a quote moved to another paragraph",
      edit: (t) =>
        t.replace("After a long debate, the members agreed to postpone the vote until the next session. ", "") +
        "\n\nAfter a long debate, the members agreed to postpone the vote until the next session.",
      expected: "anchored",
      find: quote,
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const selectors = selectorsFor(article, quote);
      const text = c.edit(article);
      const result = anchor(text, selectors);
      expect(result.status).toBe(c.expected);
      if (c.find) {
        const start = text.indexOf(c.find);
        expect(placeOf(result)).toEqual([start, start + c.find.length]);
      }
    });
  }

  it("keeps old and new text of a changed quote", () => {
    const text = article.replace("agreed to postpone", "voted to postpone");
    const result = anchor(text, selectorsFor(article, quote));
    expect(result).toMatchObject({ status: "changed", oldText: quote, newText: "the members voted to postpone the vote" });
  });

  it("prefers the occurrence with matching context", () => {
    const text = "Alpha team said: the result was clear. Later, Beta team said: the result was clear. End.";
    const selectors = selectorsFor(text, "the result was clear", 1);
    const shifted = "Intro. " + text;
    const result = anchor(shifted, [selectors[0]]);
    const expected = shifted.indexOf("the result was clear", shifted.indexOf("Beta"));
    expect(placeOf(result)).toEqual([expected, expected + "the result was clear".length]);
  });

  it("orphans rather than guess between two equal candidates", () => {
    const block = "In the spring the river floods the valley and the farmers wait for the water to recede. ";
    const text = block + block;
    const [quoteSelector] = selectorsFor(text, "the farmers wait", 0);
    const edited = "Preface. " + text;
    const result = anchor(edited, [quoteSelector]);
    expect(result.status).toBe("orphaned");
    expect(result.status === "orphaned" && result.suggestion).toBeTruthy();
  });

  it("trusts a position whose text is still the quote", () => {
    const block = "In the spring the river floods the valley and the farmers wait for the water to recede. ";
    const text = block + block;
    const selectors = selectorsFor(text, "the farmers wait", 1);
    const result = anchor(text, selectors);
    expect(placeOf(result)).toEqual([selectors[1].start, selectors[1].end]);
  });

  it("orphans a short quote found only without its context", () => {
    const selectors = selectorsFor(article, "the vote");
    const text = "An unrelated note about the vote on parking, written much later than the rest.";
    expect(anchor(text, selectors).status).toBe("orphaned");
  });

  it("keeps only a suggestion when there is no quote to check a position against", () => {
    expect(anchor(article, [{ type: "TextPositionSelector", start: 4, end: 13 }])).toEqual({
      status: "orphaned",
      suggestion: { start: 4, end: 13, score: 0 },
    });
  });

  it("throws a RangeError for a reversed position selector", () => {
    expect(() => anchor(article, [{ type: "TextPositionSelector", start: 9, end: 3 }])).toThrow(RangeError);
  });
});
