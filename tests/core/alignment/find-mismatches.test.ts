// Specifies the disagreements found between a claim and a span about the same thing.
import { describe, expect, it } from "vitest";
import { findMismatches } from "@/core/alignment/find-mismatches.ts";
import { tokenizeWords } from "@/core/alignment/tokenize-words.ts";

const side = (text: string) => ({ text, tokens: tokenizeWords(text) });

describe("findMismatches", () => {
  const cases = [
    {
      name: "a different count of the same thing",
      claim: "The firm employs 140 analysts in London.",
      span: "The firm employs 150 analysts in its London office.",
      expected: [{ kind: "number", claim: "140 analysts", source: "150 analysts" }],
    },
    {
      name: "a negation the span lacks",
      claim: "The minister did not rule out new taxes.",
      span: "The minister ruled out new taxes on Monday.",
      expected: [{ kind: "negation", claim: "did not rule out", source: "ruled out" }],
    },
    {
      name: "a negation the claim lacks",
      claim: "The council approved the budget.",
      span: "The council has not approved the budget yet.",
      expected: [{ kind: "negation", claim: "approved", source: "has not approved" }],
    },
    {
      name: "a different year",
      claim: "The bridge opened in 2016.",
      span: "The bridge opened in 2015 after long delays.",
      expected: [{ kind: "date", claim: "2016", source: "2015" }],
    },
    {
      name: "a different day of the same month",
      claim: "The album was released on October 20.",
      span: "The album came out on October 21 in Europe.",
      expected: [{ kind: "date", claim: "October 20", source: "October 21" }],
    },
    {
      name: "a different person in the same role",
      claim: "The film was made by director Sam Mendes.",
      span: "The film was made by director Christopher Nolan.",
      expected: [{ kind: "name", claim: "Sam Mendes", source: "Christopher Nolan" }],
    },
    {
      name: "nothing when the span agrees and adds detail",
      claim: "The team won the 2014 final against Spain.",
      span: "In 2014 the team won the final against Spain by two goals.",
      expected: [],
    },
    {
      name: "nothing for a number of another thing",
      claim: "The firm employs 140 analysts.",
      span: "The firm employs 140 analysts across 12 offices.",
      expected: [],
    },
  ];
  for (const { name, claim, span, expected } of cases) {
    it(`flags ${name}`, () => {
      expect(findMismatches(side(claim), side(span))).toEqual(expected);
    });
  }
});
