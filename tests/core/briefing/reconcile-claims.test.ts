// Specifications of `reconcileClaims`: claims keep their identity by their marks, uncovered sentences become claims, vanished marks retire.
import { describe, expect, it } from "vitest";
import type { ClaimSpan } from "@/core/briefing/claim-span.ts";
import { reconcileClaims } from "@/core/briefing/reconcile-claims.ts";
import { extractClaims } from "@/core/claims/extract-claims.ts";
import { buildTextDocument } from "@/core/import/build-text-document.ts";
import type { DraftBlock } from "@/core/import/draft-block.ts";

const BRIEFING: DraftBlock[] = [
  { kind: "heading", level: 1, text: "Briefing" },
  { kind: "heading", level: 2, text: "Surveillance:" },
  { kind: "listItem", text: "Increased US Surveillance: The US military shares the surveillance intellegence with Mexican officials." },
  { kind: "listItem", text: "The Pentagon created a task force of 140 analysts. It meets weekly." },
];
const original = buildTextDocument(BRIEFING, "text");
const [shares, pentagon, weekly] = extractClaims(original);
const ids = ["shares", "pentagon", "weekly"];
const liveSpans: ClaimSpan[] = [shares, pentagon, weekly].map((c, i) => ({ id: ids[i], start: c.start, end: c.end }));

/** The briefing with `edit` applied to its text, and each live claim's span carried as marks would carry it. */
function edited(edit: (text: string) => string, spans: (text: string) => ClaimSpan[]) {
  const drafts = BRIEFING.map((d) => ({ ...d, text: edit(d.text) }));
  const doc = buildTextDocument(drafts, "text");
  return { doc, spans: spans(doc.text) };
}
const spanOf = (id: string, text: string, words: string): ClaimSpan => ({ id, start: text.indexOf(words), end: text.indexOf(words) + words.length });

describe("reconcileClaims", () => {
  it("keeps every claim as it is when nothing changed", () => {
    const result = reconcileClaims(original, liveSpans, ids);
    expect(result.added).toEqual([]);
    expect(result.retired).toEqual([]);
    expect(result.kept.map((k) => [k.id, k.claim])).toEqual([
      ["shares", shares],
      ["pentagon", pentagon],
      ["weekly", weekly],
    ]);
  });

  it("keeps a claim whose typo was fixed, with its new text, section and topic", () => {
    const { doc, spans } = edited(
      (t) => t.replace("intellegence", "intelligence"),
      (t) => [spanOf("shares", t, "The US military shares the surveillance intelligence with Mexican officials."), ...liveSpans.slice(1)],
    );
    const result = reconcileClaims(doc, spans, ids);
    expect(result.kept[0]).toMatchObject({ id: "shares", claim: { text: "The US military shares the surveillance intelligence with Mexican officials.", section: "Surveillance", topic: "Increased US Surveillance", order: 0 } });
    expect(result.kept.map((k) => k.claim.text)).toEqual([expect.stringContaining("intelligence"), pentagon.text, weekly.text]);
    expect(result.added).toEqual([]);
  });

  it("makes a new claim of a sentence no claim covers, numbered in place", () => {
    const { doc, spans } = edited(
      (t) => t.replace("140 analysts.", "140 analysts. Its budget is secret."),
      (t) => [spanOf("shares", t, shares.text), spanOf("pentagon", t, pentagon.text), spanOf("weekly", t, weekly.text)],
    );
    const result = reconcileClaims(doc, spans, ids);
    expect(result.added).toMatchObject([{ text: "Its budget is secret.", order: 2, section: "Surveillance" }]);
    expect(result.kept.map((k) => [k.id, k.claim.order])).toEqual([["shares", 0], ["pentagon", 1], ["weekly", 3]]);
  });

  it("retires a claim whose marks are gone", () => {
    const { doc, spans } = edited(
      (t) => t.replace(" It meets weekly.", ""),
      (t) => [spanOf("shares", t, shares.text), spanOf("pentagon", t, pentagon.text)],
    );
    const result = reconcileClaims(doc, spans, ids);
    expect(result.retired).toEqual(["weekly"]);
    expect(result.added).toEqual([]);
  });

  it("grows a claim to its whole sentence when words were typed after its mark or over its first word", () => {
    const { doc, spans } = edited(
      (t) => t.replace("The Pentagon created", "Our Pentagon created").replace("140 analysts.", "140 analysts and staff."),
      (t) => [spanOf("shares", t, shares.text), spanOf("pentagon", t, "Pentagon created a task force of 140 analysts"), spanOf("weekly", t, weekly.text)],
    );
    const result = reconcileClaims(doc, spans, ids);
    expect(result.kept[1].claim).toMatchObject({ text: "Our Pentagon created a task force of 140 analysts and staff.", kind: "number" });
    expect(result.added).toEqual([]);
  });

  it("keeps a claim split by a new full stop over both halves, and makes no new claim of them", () => {
    const { doc, spans } = edited(
      (t) => t.replace("task force of 140 analysts", "task force. It has 140 analysts"),
      (t) => [spanOf("shares", t, shares.text), spanOf("pentagon", t, "The Pentagon created a task force. It has 140 analysts."), spanOf("weekly", t, weekly.text)],
    );
    const result = reconcileClaims(doc, spans, ids);
    expect(result.kept[1].claim).toMatchObject({ text: "The Pentagon created a task force. It has 140 analysts.", kind: "number", section: "Surveillance" });
    expect(result.added).toEqual([]);
  });

  it("keeps two claims joined into one sentence as two claims", () => {
    const { doc, spans } = edited(
      (t) => t.replace("140 analysts. It meets", "140 analysts that meets"),
      (t) => [spanOf("shares", t, shares.text), spanOf("pentagon", t, "The Pentagon created a task force of 140 analysts"), spanOf("weekly", t, "that meets weekly.")],
    );
    const result = reconcileClaims(doc, spans, ids);
    expect(result.kept.map((k) => k.claim.text)).toEqual([shares.text, "The Pentagon created a task force of 140 analysts", "that meets weekly."]);
    expect(result.added).toEqual([]);
  });

  it.each([
    { name: "a span past the end", spans: [{ id: "a", start: 0, end: original.text.length + 1 }] },
    { name: "an empty span", spans: [{ id: "a", start: 3, end: 3 }] },
    { name: "an id marked twice", spans: [{ id: "a", start: 0, end: 2 }, { id: "a", start: 4, end: 6 }] },
  ])("refuses $name with a RangeError", ({ spans }) => {
    expect(() => reconcileClaims(original, spans, ["a"])).toThrow(RangeError);
  });
});
