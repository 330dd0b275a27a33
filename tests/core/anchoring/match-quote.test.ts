// Specifications of the scoring pieces: `matchQuote`, `contextScore` and `snapToWordEdges`.
import { describe as suite, expect, it } from "vitest";
import { contextScore } from "@/core/anchoring/context-score.ts";
import { matchQuote } from "@/core/anchoring/match-quote.ts";
import { snapToWordEdges } from "@/core/anchoring/snap-to-word-edges.ts";

suite("matchQuote", () => {
  const text = "Alpha said the plan was sound. Beta said the plan was sound. Gamma disagreed entirely.";

  it("returns null when nothing is within the error budget", () => {
    expect(matchQuote(text, "completely different words here")).toBeNull();
  });

  it("prefers the occurrence whose context matches", () => {
    const match = matchQuote(text, "the plan was sound", { prefix: "Beta said ", suffix: ". Gamma" });
    expect(match?.start).toBe(text.indexOf("the plan was sound", text.indexOf("Beta")));
  });

  it("finds an edited quote and scores it below an exact one", () => {
    const exact = matchQuote(text, "Gamma disagreed entirely.", { prefix: "was sound. ", suffix: "" });
    const edited = matchQuote(text, "Gamma disagreed completely.", { prefix: "was sound. ", suffix: "" });
    expect(edited).toMatchObject({ start: text.indexOf("Gamma"), end: text.length });
    expect(edited!.score).toBeLessThan(exact!.score);
    expect(edited!.score).toBeGreaterThan(0);
  });
});

suite("contextScore", () => {
  const text = "one two three QUOTE four five six";
  const at = text.indexOf("QUOTE");

  const cases: Array<{ name: string; context: string; side: "before" | "after"; boundary: number; expected: number }> = [
    { name: "is 1 for the same prefix", context: "one two three ", side: "before", boundary: at, expected: 1 },
    { name: "is 1 for the same suffix", context: " four five six", side: "after", boundary: at + 5, expected: 1 },
    { name: "is 1 for an empty prefix at the start of the text", context: "", side: "before", boundary: 0, expected: 1 },
    { name: "is neutral for an empty prefix elsewhere", context: "", side: "before", boundary: at, expected: 0.5 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(contextScore(text, c.boundary, c.context, c.side)).toBeCloseTo(c.expected, 5);
    });
  }

  it("charges a word inserted beside the quote only its length", () => {
    const edited = "one two three QUOTE NEW four five six";
    expect(contextScore(edited, at + 5, " four five six", "after")).toBeCloseTo(1 - 4 / 14, 5);
  });

  it("is low for unrelated text", () => {
    expect(contextScore(text, at, "zzzz yyyy xxxx", "before")).toBeLessThan(0.3);
  });
});

suite("snapToWordEdges", () => {
  const text = "you can controversia roll it up";
  const context = { prefix: "that you ", suffix: " up to" };

  it("moves a match that starts mid-word to a word edge, or drops it", () => {
    const start = text.indexOf("ia roll");
    const snapped = snapToWordEdges(text, { start, end: start + 10, errors: 2 }, "can roll it", context, 3);
    const cuts = (at: number) => /\w/.test(text[at - 1] ?? "") && /\w/.test(text[at] ?? "");
    expect(snapped === null || !cuts(snapped.start)).toBe(true);
    expect(snapped?.start).not.toBe(start);
  });

  it("leaves a match that keeps word edges alone", () => {
    const start = text.indexOf("roll it");
    const candidate = { start, end: start + 7, errors: 4 };
    expect(snapToWordEdges(text, candidate, "can roll it", context, 4)).toBe(candidate);
  });

  it("does not hold an edge that the quote itself cut mid-word", () => {
    const start = text.indexOf("ia roll");
    const candidate = { start, end: start + 10, errors: 0 };
    expect(snapToWordEdges(text, candidate, "ia roll it", { prefix: "controvers", suffix: " up" }, 3)).toBe(candidate);
  });
});
