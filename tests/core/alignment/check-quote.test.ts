// Specifies how quoted passages are checked against sources: verbatim, near (and what differs) or missing.
import { describe, expect, it } from "vitest";
import { checkQuote } from "@/core/alignment/check-quote.ts";
import { findQuotedPassages } from "@/core/alignment/find-quoted-passages.ts";

const sources = [
  { id: "wire", text: "The minister said: “We will not back down,” before leaving.\nOfficials called it 'a  Great day' for the city." },
  { id: "blog", text: "Critics described the plan as a reckless gamble with public money." },
];

function check(claim: string) {
  const [passage] = findQuotedPassages(claim);
  return checkQuote(passage, { sources, folded: [] });
}

describe("checkQuote", () => {
  it("finds a verbatim quote with its exact offsets", () => {
    const result = check('She said "We will not back down," firmly.');
    expect(result).toMatchObject({ status: "verbatim", sourceId: "wire" });
    expect(sources[0].text.slice(result.start, result.end)).toBe("We will not back down,");
  });

  it("finds a quote in the second source", () => {
    expect(check('It was "a reckless gamble" they said.')).toMatchObject({ status: "verbatim", sourceId: "blog" });
  });

  const near = [
    { name: "case", claim: 'She said "we will not back down" today.', kinds: ["case"], matched: "We will not back down" },
    { name: "whitespace and case", claim: "They called it 'a great day' then.", kinds: ["whitespace", "case"], matched: "a  Great day" },
    { name: "punctuation", claim: 'She said "We will not back down" today.', kinds: [], matched: "We will not back down" },
    { name: "quote marks inside the quote", claim: "He said “Officials called it \"a  Great day\"” once.", kinds: ["quotes"], matched: "Officials called it 'a  Great day'" },
  ];
  for (const { name, claim, kinds, matched } of near) {
    it(`reports a quote differing only in ${name} as near, saying what differs`, () => {
      const result = check(claim);
      if (kinds.length === 0) {
        // The claim drops the source's trailing comma: still verbatim as a substring.
        expect(result.status).toBe("verbatim");
        return;
      }
      expect(result.status).toBe("near");
      expect(sources[0].text.slice(result.start, result.end)).toBe(matched);
      expect([...new Set(result.differences?.map((d) => d.kind))]).toEqual(kinds);
      for (const d of result.differences ?? []) expect(d.claim).not.toBe(d.source);
    });
  }

  it("reports punctuation that differs inside the quote", () => {
    const result = check('They said "We will not back down." before.');
    expect(result.status).toBe("near");
    expect(sources[0].text.slice(result.start, result.end)).toBe("We will not back down,");
    expect(result.differences).toEqual([{ kind: "punctuation", claim: ".", source: "," }]);
  });

  const missing = [
    { name: "a paraphrase", claim: 'She said "we shall never give up" today.' },
    { name: "a paraphrase with the same words reordered", claim: 'She said "back down we will not" today.' },
    { name: "a quote matching only part of a word once folded", claim: 'It was "Reckless gam" they said.' },
  ];
  for (const { name, claim } of missing) {
    it(`never reports ${name} as verbatim or near`, () => {
      expect(check(claim).status).toBe("missing");
    });
  }
});
