// Specifies quote folding: what folds equal, and where each folded character comes from.
import { describe, expect, it } from "vitest";
import { normalizeForQuotes } from "@/core/alignment/normalize-for-quotes.ts";

describe("normalizeForQuotes", () => {
  const cases = [
    { name: "case, punctuation and spacing", text: "“All  options are on the table,” he said.", folded: "all options are on the table he said" },
    { name: "a text whose lower case is longer", text: "İstanbul, Türkiye", folded: "i̇stanbul türkiye" },
    { name: "a text of marks only", text: " … — ", folded: "" },
  ];
  for (const c of cases) {
    it(`folds ${c.name} and maps each character back to the original`, () => {
      const { text, offsets } = normalizeForQuotes(c.text);
      expect(text).toBe(c.folded);
      expect(offsets.length).toBe(text.length);
      for (let i = 0; i < text.length; i++) {
        const original = c.text[offsets[i]];
        expect(text[i] === " " ? /[\s\p{P}\p{S}]/u.test(original) : original.toLowerCase().includes(text[i])).toBe(true);
      }
    });
  }

  it("folds a source longer than one chunk of code units without losing a character", () => {
    const sentence = "The Bridge, closed in MAY, reopens soon. ";
    const text = sentence.repeat(1000);
    const { text: folded, offsets } = normalizeForQuotes(text);
    expect(folded).toBe(Array(1000).fill("the bridge closed in may reopens soon").join(" "));
    expect(offsets[offsets.length - 1]).toBe(text.length - 3);
  });
});
