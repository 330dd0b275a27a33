// Specifies the tokeniser's keys and the key-only path the index takes.
import { describe, expect, it } from "vitest";
import { contentKeys, tokenizeWords } from "@/core/alignment/tokenize-words.ts";

const texts = [
  "Mexico’s president Sheinbaum said 1,200 troops went north in the 1990s.",
  "The U.S. sent five drones; it did not rule out strikes (20th of May).",
  "Kate Winslet wed Ned Rocknroll in New York in December 2012.",
  "",
];

describe("tokenizeWords", () => {
  it("keys possessives, grouped numbers, spelled numbers, ordinals and irregular forms", () => {
    const keys = tokenizeWords("Mexico’s 1,200 five 20th went").map((t) => t.key);
    expect(keys).toEqual(["mexico", "1200", "5", "20", tokenizeWords("go")[0].key]);
  });

  it("keys words without their accents, so a name spelled either way matches", () => {
    const accented = tokenizeWords("Lagacé replaced Marc-André Fleury in Zürich").map((t) => t.key);
    expect(accented).toEqual(tokenizeWords("Lagace replaced Marc-Andre Fleury in Zurich").map((t) => t.key));
    // The written form keeps its accents.
    expect(tokenizeWords("Lagacé")[0]).toMatchObject({ text: "Lagacé", lower: "lagacé" });
  });

  it("gives a word the same key and class wherever it appears", () => {
    const [first, second] = tokenizeWords("Went home. Went away.").filter((t) => t.lower === "went");
    expect({ ...first, start: 0, end: 0 }).toEqual({ ...second, start: 0, end: 0 });
  });
});

describe("contentKeys", () => {
  for (const text of texts) {
    it(`gives the keys of the content tokens of ${JSON.stringify(text.slice(0, 30))}`, () => {
      expect(contentKeys(text)).toEqual(tokenizeWords(text).filter((t) => !t.isStop).map((t) => t.key));
    });
  }

  it("reads only the part asked for", () => {
    const text = texts[2];
    const start = text.indexOf("Ned");
    const end = text.indexOf(" in December");
    expect(contentKeys(text, start, end)).toEqual(tokenizeWords(text, start, end).filter((t) => !t.isStop).map((t) => t.key));
    expect(contentKeys(text, start, end)).toEqual(["ned", "rocknroll", "new", "york"]);
  });

  it("reads an acronym's initials without accents", () => {
    const text = "She studied at the École Normale Supérieure, then taught.";
    expect(contentKeys(text, 0, text.length, { acronyms: true })).toContain(tokenizeWords("ENS")[0].key);
  });

  it("adds the acronyms of the part's multi-word names when asked", () => {
    const text = "Andrew Fender, chairman of Transport for Greater Manchester, spoke.";
    const plain = contentKeys(text);
    expect(contentKeys(text, 0, text.length, { acronyms: true })).toEqual([...plain, "tgm", "tfgm"]);
  });
});
