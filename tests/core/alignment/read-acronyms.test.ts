// Specifies which multi-word names yield an acronym, and which do not.
import { describe, expect, it } from "vitest";
import { readAcronyms } from "@/core/alignment/read-acronyms.ts";
import { stemWord } from "@/core/alignment/stem-word.ts";
import { tokenizeWords } from "@/core/alignment/tokenize-words.ts";

function acronymsIn(text: string) {
  const tokens = tokenizeWords(text);
  const reader = readAcronyms();
  tokens.forEach((t, i) =>
    reader.push({
      text: t.text,
      key: t.key,
      isNameWord: t.isCapitalized && !t.isStop && !t.isNumber,
      joined: i > 0 && text.slice(tokens[i - 1].end, t.start).trim() === "",
    }),
  );
  return reader.finish();
}

describe("readAcronyms", () => {
  const cases = [
    { name: "a name of capitalised words", text: "Andrew Fender chairs Transport for Greater Manchester now.", keys: ["tgm", "tfgm"] },
    { name: "a name with function words inside", text: "He led the Southern African Clothing and Textile Workers Union.", keys: ["sactwu", "sacatwu"] },
    { name: "two names in one sentence", text: "Both the World Health Organization and the National Rifle Association replied.", keys: ["who", "nra"] },
    { name: "no acronym of a two-word name, function word or not", text: "The Department of Defense said nothing.", keys: [] },
    { name: "no name of three words", text: "Mayor Ana said so in Porto.", keys: [] },
    { name: "names parted by commas", text: "They toured Paris, Lyon, Nice and Rome.", keys: [] },
    { name: "a function word that ends the name", text: "Greater Manchester Police of the north", keys: ["gmp"] },
  ];
  for (const c of cases) {
    it(`reads ${c.name}`, () => {
      expect(acronymsIn(c.text).map((a) => a.key)).toEqual(c.keys.map((k) => stemWord(k)));
    });
  }

  it("says which words of the name the acronym stands for", () => {
    const [acronym] = acronymsIn("She joined the Ocean Watch Institute.");
    expect(acronym.words).toEqual(tokenizeWords("Ocean Watch Institute").map((t) => t.key));
  });
});
