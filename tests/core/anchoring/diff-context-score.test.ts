// Specifications of `diffContextScore` and `keptSpan`: what an edit map says about a quote and its context.
import { describe as suite, expect, it } from "vitest";
import { diffContextScore } from "@/core/anchoring/diff-context-score.ts";
import { diffTexts } from "@/core/anchoring/diff-texts.ts";
import { keptSpan } from "@/core/anchoring/kept-span.ts";

const old = "One morning the old ferry left the harbour early, and nobody saw it again.";
const quote = "the old ferry left the harbour";
const quoteStart = old.indexOf(quote);
const quoteEnd = quoteStart + quote.length;
/** The eight characters before the quote ("morning ") and after it (" early, "). */
const prefix = { start: quoteStart - 8, end: quoteStart };
const suffix = { start: quoteEnd, end: quoteEnd + 8 };

suite("diffContextScore", () => {
  const cases: Array<{
    name: string;
    newText: string;
    side: "before" | "after";
    /** Where the candidate's edge is in the new text. */
    boundary: (newText: string) => number;
    expected: number;
  }> = [
    {
      name: "agrees fully when the prefix was kept right before the candidate",
      newText: old,
      side: "before",
      boundary: (t) => t.indexOf(quote),
      expected: 1,
    },
    {
      name: "counts a rewritten prefix as neutral, not as disagreeing",
      newText: old.replace("One morning ", ""),
      side: "before",
      boundary: (t) => t.indexOf(quote),
      expected: 0.5,
    },
    {
      name: "counts the kept part of a half-rewritten suffix as agreeing and the rest as neutral",
      newText: old.replace(" early, and", " late, and"),
      side: "after",
      // " early, ": the two spaces kept, the word "early," (6 characters) replaced.
      boundary: (t) => t.indexOf(quote) + quote.length,
      expected: (2 + 0.5 * 6) / 8,
    },
    {
      name: "allows a few inserted words between the prefix and the candidate",
      newText: old.replace("morning the", "morning, sadly, the"),
      side: "before",
      boundary: (t) => t.indexOf(quote),
      expected: 1,
    },
    {
      name: "gives no support to a candidate that leaves kept text between it and its prefix",
      newText: old,
      side: "before",
      boundary: (t) => t.indexOf("old ferry"),
      expected: 0,
    },
    {
      name: "gives no support to a candidate that cuts into its suffix",
      newText: old,
      side: "after",
      boundary: (t) => t.indexOf(quote) + quote.length + 3,
      expected: 0,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const map = diffTexts(old, c.newText);
      const range = c.side === "before" ? prefix : suffix;
      expect(diffContextScore(map, range.start, range.end, c.boundary(c.newText), c.side)).toBeCloseTo(c.expected, 6);
    });
  }
});

suite("keptSpan", () => {
  const cases: Array<{ name: string; newText: string; expected: { text: string; kept: number } | null }> = [
    { name: "gives the quote itself when it was kept whole", newText: old, expected: { text: quote, kept: 25 } },
    {
      name: "spans words inserted inside the quote without counting them as kept",
      newText: old.replace("ferry left", "ferry, battered by storms, left"),
      expected: { text: "the old ferry, battered by storms, left the harbour", kept: 25 },
    },
    {
      name: "starts after the quote's first words when they were replaced",
      newText: old.replace("morning the old", "morning a new"),
      expected: { text: " ferry left the harbour", kept: 19 },
    },
    { name: "is null when the quote was deleted", newText: old.replace(quote, "a ship"), expected: null },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const span = keptSpan(diffTexts(old, c.newText), old, quoteStart, quoteEnd);
      expect(span && { text: c.newText.slice(span.start, span.end), kept: span.kept }).toEqual(c.expected);
    });
  }
});
