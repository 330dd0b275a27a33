import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importMarkdown } from "@/core/import/import-markdown.ts";
import { cutPassages } from "@/core/search/cut-passages.ts";
import type { Block } from "@/core/text/types.ts";

const paragraph = (start: number, end: number): Block => ({ kind: "paragraph", start, end });

describe("cutPassages", () => {
  it("gives one passage per block of a short document", () => {
    const doc = importMarkdown("# Title\n\nFirst paragraph.\n\n- an item\n- another");
    const spans = cutPassages(doc.text, doc.blocks);
    expect(spans.map((s) => doc.text.slice(s.start, s.end))).toEqual(["Title", "First paragraph.", "an item", "another"]);
  });

  it("cuts a long block at spaces, keeping every word whole", () => {
    const text = Array.from({ length: 200 }, (_, i) => `word${i}`).join(" ");
    const spans = cutPassages(text, [paragraph(0, text.length)], 100);
    expect(spans.length).toBeGreaterThan(10);
    expect(spans.every((s) => s.end - s.start <= 100)).toBe(true);
    expect(spans.map((s) => text.slice(s.start, s.end)).join("")).toBe(text);
    for (const s of spans.slice(0, -1)) expect(text[s.end - 1]).toBe(" ");
  });

  it("cuts a run without spaces at the limit, never inside a surrogate pair", () => {
    const text = "😀".repeat(30);
    const spans = cutPassages(text, [paragraph(0, text.length)], 7);
    for (const s of spans) {
      expect(text.slice(s.start, s.end)).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
    expect(spans.map((s) => text.slice(s.start, s.end)).join("")).toBe(text);
  });

  it("skips blocks with nothing visible", () => {
    expect(cutPassages("a   b", [paragraph(0, 1), paragraph(1, 4), paragraph(4, 5)])).toEqual([
      { start: 0, end: 1 },
      { start: 4, end: 5 },
    ]);
  });

  it("refuses a block outside the text and a silly limit", () => {
    expect(() => cutPassages("abc", [paragraph(0, 4)])).toThrow(RangeError);
    expect(() => cutPassages("abc", [paragraph(0, 3)], 1)).toThrow(RangeError);
  });

  it("covers each block exactly, in order, within the limit, for any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom(" ", "\n", "a", "b"), fc.string({ unit: "binary", minLength: 1, maxLength: 1 })), maxLength: 400 }), fc.integer({ min: 2, max: 50 }), (text, limit) => {
        const spans = cutPassages(text, [paragraph(0, text.length)], limit);
        let at = 0;
        for (const s of spans) {
          expect(s.start).toBeGreaterThanOrEqual(at);
          expect(text.slice(at, s.start).trim()).toBe("");
          expect(s.end - s.start).toBeLessThanOrEqual(limit);
          at = s.end;
        }
        expect(text.slice(at).trim()).toBe("");
      }),
    );
  });
});
