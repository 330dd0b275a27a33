// Specifies the WordNet links the aligner matches through: synonyms, derivations, irregular forms.
import { describe, expect, it } from "vitest";
import { irregularBaseKey, relatedKeys } from "@/core/alignment/related-keys.ts";
import { stemWord } from "@/core/alignment/stem-word.ts";
import { tokenizeWords } from "@/core/alignment/tokenize-words.ts";

const keysOf = (word: string) => relatedKeys(stemWord(word));

describe("relatedKeys", () => {
  const cases = [
    { name: "a synonym in a frequent sense", word: "wed", related: "marry", kind: "synonym" },
    { name: "a synonym of a noun", word: "film", related: "movie", kind: "synonym" },
    { name: "a derivation", word: "married", related: "marriage", kind: "derivation" },
    { name: "a derivation the stemmer misses", word: "election", related: "elect", kind: "derivation" },
    { name: "a pertainym", word: "mexican", related: "mexico", kind: "derivation" },
    { name: "an irregular form that is a word of its own", word: "found", related: "find", kind: "derivation" },
  ];
  for (const c of cases) {
    it(`links ${c.name}: ${c.word} → ${c.related}`, () => {
      expect(keysOf(c.word)).toContainEqual({ key: stemWord(c.related), kind: c.kind });
    });
  }

  it("lists derivations before synonyms and never the key itself", () => {
    const related = keysOf("die");
    expect(related.map((r) => r.key)).not.toContain(stemWord("die"));
    const firstSynonym = related.findIndex((r) => r.kind === "synonym");
    expect(related.slice(firstSynonym).every((r) => r.kind === "synonym")).toBe(true);
  });

  it("has nothing for a word WordNet does not know", () => {
    expect(keysOf("zzyzx")).toEqual([]);
  });
});

describe("irregular forms", () => {
  it("gives the base's key of a form that is no word of its own", () => {
    expect(irregularBaseKey("went")).toBe(stemWord("go"));
    expect(irregularBaseKey("children")).toBe(stemWord("child"));
    expect(irregularBaseKey("walked")).toBeUndefined();
  });

  it("keys an irregular verb form like its base when tokenising", () => {
    const [went] = tokenizeWords("went");
    const [go] = tokenizeWords("go");
    expect(went.key).toBe(go.key);
  });

  it("keeps an ambiguous form its own key", () => {
    expect(tokenizeWords("found")[0].key).toBe(stemWord("found"));
  });
});
