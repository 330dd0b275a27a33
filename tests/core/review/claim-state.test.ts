import { describe, expect, it } from "vitest";
import { claimState, countStates, type ClaimFacts } from "@/core/review/claim-state.ts";

const link = (state: string, verdict: string | null = null, anchorStatus = "anchored") => ({ state, verdict, anchorStatus });
const facts = (over: Partial<ClaimFacts>): ClaimFacts => ({ reviewState: "unreviewed", suggestedVerdict: null, links: [], ...over });

describe("claimState", () => {
  const cases: { name: string; input: ClaimFacts; expected: string }[] = [
    { name: "is unreviewed with nothing known", input: facts({}), expected: "unreviewed" },
    { name: "is suggested while suggestions wait", input: facts({ suggestedVerdict: "partial", links: [link("suggested")] }), expected: "suggested" },
    { name: "is unbacked when the engine found nothing", input: facts({ suggestedVerdict: "unsupported" }), expected: "unbacked" },
    { name: "is unbacked when a reviewer said so, despite suggestions", input: facts({ reviewState: "not_in_sources", links: [link("suggested")] }), expected: "unbacked" },
    { name: "is backed by an accepted supporting link", input: facts({ suggestedVerdict: "unsupported", links: [link("accepted", "supports")] }), expected: "backed" },
    { name: "is partial with only partial support", input: facts({ links: [link("accepted", "partial"), link("suggested")] }), expected: "partial" },
    { name: "is contradicted when any accepted link contradicts", input: facts({ links: [link("accepted", "supports"), link("accepted", "contradicts")] }), expected: "contradicted" },
    { name: "ignores rejected links", input: facts({ suggestedVerdict: "unsupported", links: [link("rejected", "supports")] }), expected: "unbacked" },
    { name: "does not count an orphaned accepted link as backing", input: facts({ links: [link("accepted", "supports", "orphaned")] }), expected: "unreviewed" },
  ];
  for (const { name, input, expected } of cases) it(name, () => expect(claimState(input)).toBe(expected));
});

describe("countStates", () => {
  it("counts every state, zero included", () => {
    expect(countStates(["backed", "backed", "unbacked"])).toEqual({ backed: 2, partial: 0, contradicted: 0, suggested: 0, unbacked: 1, unreviewed: 0 });
  });
});
