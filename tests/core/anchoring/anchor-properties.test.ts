// Properties of anchoring that hold for any text: round trips, bounds, and no throwing on odd Unicode.
import fc from "fast-check";
import { describe as suite, expect, it } from "vitest";
import { anchor } from "@/core/anchoring/anchor.ts";
import { describe } from "@/core/anchoring/describe.ts";
import { reanchorAll } from "@/core/anchoring/reanchor-all.ts";
import type { AnchorResult } from "@/core/anchoring/types.ts";

/** Pieces that stress UTF-16 handling: surrogate pairs, combining marks, RTL, CRLF, NUL, lone surrogates. */
const awkward = fc.constantFrom(
  "a", "b", "the", " ", "  ", "\n", "\r\n", "\t", "\u0000", ".", ",",
  "😀", "👩‍👩‍👧", "🇫🇷", "e\u0301", "n\u0303", "\u0915\u094d\u0937",
  "שלום", "مرحبا", "\u200f", "\u200e", "\u202e", "\ufeff",
  "\ud800", "\udfff", "\ud83d", "中文", "日本語", "ß", "İ", "ﬁ",
);
const word = fc.stringMatching(/^[a-z]{1,8}$/);
/** Texts mixing ordinary words with awkward pieces. */
const text = fc.array(fc.oneof({ weight: 3, arbitrary: word.map((w) => w + " ") }, { weight: 2, arbitrary: awkward }), {
  minLength: 1,
  maxLength: 60,
}).map((parts) => parts.join(""));
/** Full-range code points and lone surrogates. */
const anyUnicode = fc.string({ unit: fc.oneof(fc.string({ unit: "binary", minLength: 1, maxLength: 1 }), awkward), maxLength: 80 });

/** A text and a non-empty range of it. */
const textWithRange = fc
  .oneof(text, anyUnicode)
  .filter((t) => t.length > 0)
  .chain((t) =>
    fc
      .tuple(fc.nat({ max: t.length - 1 }), fc.nat({ max: t.length - 1 }))
      .map(([a, b]) => ({ text: t, start: Math.min(a, b), end: Math.max(a, b) + 1 })),
  );

/** An edit: replace `[at, at + remove)` with `insert`. */
const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.oneof(text, anyUnicode, fc.constant("")) });

function applyEdits(t: string, edits: Array<{ at: number; remove: number; insert: string }>): string {
  let out = t;
  for (const e of edits) {
    const at = e.at % (out.length + 1);
    out = out.slice(0, at) + e.insert + out.slice(Math.min(out.length, at + e.remove));
  }
  return out;
}

function expectWellFormed(result: AnchorResult, newText: string, exact: string): void {
  if (result.status === "orphaned") {
    if (result.suggestion) {
      expect(result.suggestion.start).toBeGreaterThanOrEqual(0);
      expect(result.suggestion.end).toBeLessThanOrEqual(newText.length);
      expect(result.suggestion.start).toBeLessThanOrEqual(result.suggestion.end);
    }
    return;
  }
  expect(Number.isInteger(result.start) && Number.isInteger(result.end)).toBe(true);
  expect(result.start).toBeGreaterThanOrEqual(0);
  expect(result.end).toBeLessThanOrEqual(newText.length);
  expect(result.start).toBeLessThan(result.end);
  expect(result.score).toBeGreaterThanOrEqual(0);
  expect(result.score).toBeLessThanOrEqual(1);
  if (result.status === "anchored") expect(newText.slice(result.start, result.end)).toBe(exact);
  else {
    expect(result.newText).toBe(newText.slice(result.start, result.end));
    expect(result.oldText).toBe(exact);
    expect(result.newText).not.toBe(exact);
  }
}

suite("anchoring properties", () => {
  it("gives back the same range on unchanged text (describe → anchor)", () => {
    fc.assert(
      fc.property(textWithRange, ({ text: t, start, end }) => {
        expect(anchor(t, describe(t, start, end))).toMatchObject({ status: "anchored", start, end, score: 1 });
      }),
      { numRuns: 500 },
    );
  });

  it("gives back the same ranges on unchanged text (describe → reanchorAll)", () => {
    fc.assert(
      fc.property(textWithRange, ({ text: t, start, end }) => {
        const [result] = reanchorAll(t, t, [describe(t, start, end)]);
        expect(result).toMatchObject({ status: "anchored", start, end });
      }),
      { numRuns: 300 },
    );
  });

  it("keeps offsets in bounds and never throws, whatever the edits and the Unicode", () => {
    fc.assert(
      fc.property(textWithRange, fc.array(edit, { maxLength: 4 }), ({ text: t, start, end }, edits) => {
        const newText = applyEdits(t, edits);
        const selectors = describe(t, start, end);
        const exact = t.slice(start, end);
        expectWellFormed(anchor(newText, selectors), newText, exact);
        const [batch] = reanchorAll(t, newText, [selectors]);
        expectWellFormed(batch, newText, exact);
      }),
      { numRuns: 500 },
    );
  });

  it("re-anchors exactly when only text outside the anchor and its context changed", () => {
    fc.assert(
      fc.property(text, text, fc.array(word, { minLength: 3, maxLength: 12 }), text, (before, after, quoteWords, inserted) => {
        const quote = quoteWords.join(" ");
        const padding = " ".repeat(40);
        const old = before + padding + quote + padding + after;
        const start = before.length + padding.length;
        const selectors = describe(old, start, start + quote.length);
        const newText = inserted + before + padding + quote + padding + inserted + after;
        const expected = inserted.length + start;
        expect(anchor(newText, selectors)).toMatchObject({ status: "anchored", start: expected, end: expected + quote.length });
        expect(reanchorAll(old, newText, [selectors])[0]).toMatchObject({ status: "anchored", start: expected });
      }),
      { numRuns: 200 },
    );
  });

  it("never splits a surrogate pair that the quote kept whole", () => {
    const emojiText = fc.array(fc.oneof(word.map((w) => w + " "), fc.constantFrom("😀", "🎉 ", "𝒜", "🇫🇷")), { minLength: 8, maxLength: 40 }).map((p) => p.join(""));
    fc.assert(
      fc.property(emojiText, fc.array(edit, { maxLength: 3 }), fc.nat(), fc.nat(), (t, edits, a, b) => {
        const codePointStarts = [...t].reduce<number[]>((acc, ch) => [...acc, (acc.at(-1) ?? 0) + ch.length], [0]);
        const i = a % (codePointStarts.length - 1);
        const j = i + 1 + (b % (codePointStarts.length - 1 - i));
        const newText = applyEdits(t, edits.map((e) => ({ ...e, insert: e.insert.replace(/[\ud800-\udfff]/g, "x") })));
        const result = anchor(newText, describe(t, codePointStarts[i], codePointStarts[j]));
        if (result.status === "orphaned") return;
        const splits = (at: number) => /[\udc00-\udfff]/.test(newText[at] ?? "") && /[\ud800-\udbff]/.test(newText[at - 1] ?? "");
        expect(splits(result.start) || splits(result.end)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
