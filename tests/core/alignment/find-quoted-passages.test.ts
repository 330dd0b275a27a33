// Specifies which marks in a claim quote a passage and which are apostrophes.
import { describe, expect, it } from "vitest";
import { findQuotedPassages } from "@/core/alignment/find-quoted-passages.ts";

describe("findQuotedPassages", () => {
  const cases = [
    { name: "straight double quotes", claim: 'He called it "a turning point" on Monday.', expected: ["a turning point"] },
    { name: "curly double quotes", claim: "She said “we will rebuild” twice.", expected: ["we will rebuild"] },
    { name: "single quotes around a title", claim: "The film 'Home' opened in March.", expected: ["Home"] },
    { name: "curly single quotes", claim: "A so-called ‘peace dividend’ was promised.", expected: ["peace dividend"] },
    { name: "apostrophes in words are not quotes", claim: "Mexico’s president didn't say it and the students' union agreed.", expected: [] },
    { name: "a title holding apostrophes", claim: 'The documentary "I\'ll Sleep When I\'m Dead" was released.', expected: ["I'll Sleep When I'm Dead"] },
    { name: "two quotes", claim: 'From "one" to "two".', expected: ["one", "two"] },
    { name: "an unmatched mark quotes nothing", claim: 'He said "nothing more.', expected: [] },
  ];
  for (const { name, claim, expected } of cases) {
    it(name, () => {
      const found = findQuotedPassages(claim);
      expect(found.map((q) => q.text)).toEqual(expected);
      for (const q of found) expect(claim.slice(q.start, q.end)).toBe(q.text);
    });
  }
});
