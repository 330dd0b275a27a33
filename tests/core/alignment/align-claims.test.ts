// Specifies the attribution engine end to end: ranking across sources, runs, support, verdicts, mismatches.
import { describe, expect, it } from "vitest";
import { alignClaimBatch, alignClaims } from "@/core/alignment/align-claims.ts";
import { prepareSources } from "@/core/alignment/prepare-sources.ts";
import { ALIGNMENT_WEIGHTS } from "@/core/alignment/alignment-weights.ts";
import type { AlignSource, Candidate } from "@/core/alignment/types.ts";

const textOf = (sources: AlignSource[], c: Candidate) => sources.find((s) => s.id === c.sourceId)!.text.slice(c.start, c.end);

// A small multi-document news topic in the shape of SPARK: several articles, many summary claims.
const news: AlignSource[] = [
  {
    id: "harbour-times",
    text: [
      "The city council voted on Tuesday to close the old harbour bridge for repairs.",
      "Engineers found corrosion in three of the bridge's steel supports during an inspection in March.",
      "The repairs are expected to cost 4.2 million dollars and take eight months.",
      "Mayor Ana Ruiz said the closure was regrettable but necessary.",
      "Ferry services will run every fifteen minutes while the bridge is shut.",
    ].join(" "),
  },
  {
    id: "daily-ledger",
    text: [
      "Local shop owners near the harbour fear a drop in trade during the closure.",
      "A survey by the chamber of commerce found that 62 shops expect lower sales.",
      "The chamber asked the council for a rent relief scheme.",
      "Council officials did not rule out financial support for affected businesses.",
    ].join(" "),
  },
  {
    id: "metro-wire",
    text: [
      "Cycling groups welcomed the extra ferry capacity.",
      "They had campaigned for a protected bike lane on the bridge for years.",
      "The council has not approved the bike lane, a spokesperson said.",
      "Work on the bridge is scheduled to begin in May 2025.",
    ].join(" "),
  },
];

function align(claims: string[], sources = news) {
  return alignClaims({ sources, claims: claims.map((text, i) => ({ id: String(i), text })) });
}

describe("alignClaims", () => {
  it("ranks the sentence of the right source first among several sources", () => {
    const cases = [
      { claim: "Corrosion was found in three steel supports of the bridge.", sourceId: "harbour-times", words: "corrosion" },
      { claim: "According to a chamber of commerce survey, 62 shops expect their sales to fall.", sourceId: "daily-ledger", words: "62 shops" },
      { claim: "Cyclists have long campaigned for a protected bike lane on the bridge.", sourceId: "metro-wire", words: "protected bike lane" },
      { claim: "Ferries will run every fifteen minutes during the closure.", sourceId: "harbour-times", words: "Ferry services" },
    ];
    const results = align(cases.map((c) => c.claim));
    cases.forEach((c, i) => {
      const top = results[i].candidates[0];
      expect(top.sourceId).toBe(c.sourceId);
      expect(textOf(news, top)).toContain(c.words);
      expect(results[i].verdict).not.toBe("unsupported");
    });
  });

  it("returns at least five candidates, best first, each with its source and a 0..1 score", () => {
    const [result] = align(["The council voted to close the harbour bridge for repairs costing 4.2 million dollars."]);
    expect(result.candidates.length).toBeGreaterThanOrEqual(5);
    for (const c of result.candidates) {
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(1);
      expect(textOf(news, c).length).toBeGreaterThan(0);
    }
    const scores = result.candidates.map((c) => c.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("prefers a run of two sentences when the claim needs both", () => {
    const sources = [
      {
        id: "profile",
        text: [
          "Maria Lopez grew up in a fishing village on the northern coast.",
          "She studied marine biology at the University of Lisbon.",
          "After graduating she joined a research vessel for a decade.",
          "In 2019 she founded the Ocean Watch institute in Porto.",
          "The institute tracks plastic pollution along the Atlantic coast.",
          "Her brother runs a restaurant in the village.",
        ].join("\n"),
      },
    ];
    const [result] = align(["In 2019 Maria Lopez founded an institute in Porto that tracks plastic pollution along the Atlantic coast."], sources);
    const top = result.candidates[0];
    expect(top.sentences).toBe(2);
    expect(textOf(sources, top)).toBe("In 2019 she founded the Ocean Watch institute in Porto.\nThe institute tracks plastic pollution along the Atlantic coast.");
  });

  it("says a claim that nothing attached backs is unsupported", () => {
    const [result] = align(["The national football team appointed a new coach from Brazil after the World Cup."]);
    expect(result.verdict).toBe("unsupported");
    expect(result.support).toBeLessThan(0.5);
  });

  it("gives a claim restating a sentence a high support and the verdict supported", () => {
    const [result] = align(["Mayor Ana Ruiz said the closure of the bridge was regrettable but necessary."]);
    expect(result.verdict).toBe("supported");
    expect(result.support).toBeGreaterThan(0.8);
  });

  it("flags number, negation and date mismatches on the best candidate", () => {
    const cases = [
      { claim: "A chamber of commerce survey found that 72 shops expect lower sales.", mismatch: { kind: "number", claim: "72 shops", source: "62 shops" } },
      { claim: "Council officials ruled out financial support for affected businesses.", mismatch: { kind: "negation", claim: "ruled out", source: "did not rule out" } },
      { claim: "Work on the harbour bridge is scheduled to begin in May 2026.", mismatch: { kind: "date", claim: "2026", source: "2025" } },
    ];
    const results = align(cases.map((c) => c.claim));
    cases.forEach((c, i) => {
      expect(results[i].mismatches).toContainEqual(c.mismatch);
      expect(results[i].candidates[0].mismatches).toContainEqual(c.mismatch);
    });
  });

  it("checks the quotes of each claim against all sources", () => {
    const [result] = align(['The mayor called the closure "regrettable but necessary" and promised "free ferries for all".']);
    expect(result.quotes.map((q) => q.status)).toEqual(["verbatim", "missing"]);
    const [found] = result.quotes;
    expect(found.sourceId).toBe("harbour-times");
    expect(news[0].text.slice(found.start, found.end)).toBe("regrettable but necessary");
  });

  it("matches a synonym, a derivation and an irregular verb form, each worth less than the word itself", () => {
    // Each claim shares as many words with a distractor as with its own sentence, bar the linked one.
    const biography: AlignSource[] = [
      {
        id: "bio",
        text: [
          "Ruiz admired the painter Tomas Bell for many years.",
          "In 1998 she wed the painter Tomas Bell in a small ceremony.",
          "The regional parliament debated the harbour budget.",
          "Her election to the regional parliament came in 2004.",
          "A trade mission to Lisbon was planned for the spring.",
          "In 2010 she took a trade mission to Lisbon herself.",
        ].join(" "),
      },
    ];
    const cases = [
      { name: "synonym", claim: "Ruiz married the painter Tomas Bell.", words: "wed the painter" },
      { name: "derivation", claim: "Ruiz was elected to the regional parliament.", words: "Her election" },
      { name: "irregular verb", claim: "Ruiz takes a trade mission to Lisbon.", words: "she took" },
    ];
    const claims = cases.map((c, i) => ({ id: String(i), text: c.claim }));
    const linked = alignClaims({ sources: biography, claims });
    const unlinked = alignClaims({ sources: biography, claims }, { weights: { ...ALIGNMENT_WEIGHTS, synonymMatch: 0, derivationMatch: 0 } });
    cases.forEach((c, i) => {
      expect(textOf(biography, linked[i].candidates[0]), c.name).toContain(c.words);
    });
    expect(textOf(biography, unlinked[0].candidates[0])).not.toContain("wed the painter");
    const [exact, synonym] = align(["Ruiz wed the painter Tomas Bell.", "Ruiz married the painter Tomas Bell."], biography);
    expect(synonym.candidates[0].score).toBeLessThan(exact.candidates[0].score);
  });

  it("backs a summary claim drawn from two articles with spans of both, and half of one in part", () => {
    const [both, half] = align([
      "The bridge repairs will take eight months, and a chamber of commerce survey found 62 shops expect lower sales.",
      "The bridge repairs will take eight months, and the governor promised the football club a new stadium.",
    ]);
    expect(both.verdict).not.toBe("unsupported");
    expect(new Set(both.candidates.slice(0, 3).map((c) => c.sourceId))).toEqual(new Set(["harbour-times", "daily-ledger"]));
    expect(half.verdict).not.toBe("unsupported");
    expect(half.support).toBeLessThan(both.support);
  });

  it("answers every claim, even one without content words or with no sources", () => {
    expect(align(["It was."])[0]).toMatchObject({ verdict: "unsupported", candidates: [] });
    expect(align(["The bridge closed."], [])[0]).toMatchObject({ verdict: "unsupported", candidates: [], support: expect.any(Number) });
  });

  it("refuses two sources with the same id", () => {
    expect(() => alignClaims({ sources: [news[0], news[0]], claims: [] })).toThrow(RangeError);
  });

  it("finds a name under its acronym, and an acronym spelled out, in either direction", () => {
    const union: AlignSource[] = [
      {
        id: "obituary",
        text: [
          "He became a shop steward for Sactwu and served in this position for many years.",
          "He also sang in the choir of his church on Sundays.",
          "Transport for Greater Manchester said the tram line would link the two stations.",
          "The council said a shop steward would speak for the union at the hearing.",
          "The line had been planned for years by the council and the tram company.",
        ].join(" "),
      },
    ];
    const cases = [
      { claim: "He became a shop steward of the Southern African Clothing and Textile Workers Union.", words: "Sactwu" },
      { claim: "TfGM said the tram line would link the stations.", words: "Transport for Greater Manchester" },
    ];
    const results = align(cases.map((c) => c.claim), union);
    cases.forEach((c, i) => expect(textOf(union, results[i].candidates[0])).toContain(c.words));
  });
});

describe("alignClaimBatch", () => {
  const claims = [
    "Corrosion was found in three steel supports of the bridge.",
    "A survey found that 64 shops expect lower sales.",
    'The mayor said the closure was "Regrettable, but necessary".',
    'Mayor Ana Ruiz said "the closure was regrettable but necessary".',
    "Cyclists have long campaigned for a protected bike lane on the bridge.",
    "The governor promised the football club a new stadium.",
    "Work on the bridge is scheduled to begin in May 2025.",
  ].map((text, i) => ({ id: `c${i}`, text }));

  it("gives batch by batch, against sources prepared once, the answers of one alignClaims call", () => {
    const whole = alignClaims({ sources: news, claims });
    const prepared = prepareSources(news);
    const batched = [0, 2, 3, 6].flatMap((from, k, starts) => alignClaimBatch(prepared, claims.slice(from, starts[k + 1] ?? claims.length)));
    expect(batched).toEqual(whole);
    // The same claim aligned again, after others, is answered the same.
    expect(alignClaimBatch(prepared, [claims[1]])).toEqual([whole[1]]);
    expect(whole.some((a) => a.quotes.some((q) => q.status === "near"))).toBe(true);
    expect(whole.some((a) => a.mismatches.length > 0)).toBe(true);
  });

  it("refuses two sources or two claims of one batch with the same id", () => {
    expect(() => prepareSources([news[0], news[0]])).toThrow(/duplicate source id/);
    expect(() => alignClaimBatch(prepareSources(news), [claims[0], claims[0]])).toThrow(/duplicate claim id/);
  });
});
