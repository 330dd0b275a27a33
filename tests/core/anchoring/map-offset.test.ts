// Specifications of `diffTexts` and `mapOffset`: an edit map that covers both texts and moves offsets with the text.
import fc from "fast-check";
import { describe as suite, expect, it } from "vitest";
import { diffTexts } from "@/core/anchoring/diff-texts.ts";
import { mapOffset } from "@/core/anchoring/map-offset.ts";

const text = fc.array(fc.constantFrom("the ", "cat ", "sat ", "\n", "\n\n", "on ", "mat. ", "😀", "é", "\r\n"), { maxLength: 40 }).map((p) => p.join(""));

suite("diffTexts", () => {
  it("covers both texts with segments, and kept segments hold the same text", () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const { segments } = diffTexts(a, b);
        let oldAt = 0;
        let newAt = 0;
        for (const s of segments) {
          expect([s.oldStart, s.newStart]).toEqual([oldAt, newAt]);
          if (s.equal) expect(b.slice(s.newStart, s.newEnd)).toBe(a.slice(s.oldStart, s.oldEnd));
          oldAt = s.oldEnd;
          newAt = s.newEnd;
        }
        expect([oldAt, newAt]).toEqual([a.length, b.length]);
      }),
    );
  });
});

suite("diffTexts on lines", () => {
  const paragraphs = ["First, the harbour.", "Second, the ferry.", "Third, the storm.", "Fourth, the rescue.", "Fifth, the inquiry."];
  const join = (ps: string[]) => ps.map((p) => p + "\n").join("");
  it("keeps the paragraphs around a moved one and moves it as one deletion and one insertion", () => {
    const old = join(paragraphs);
    const moved = [paragraphs[0], paragraphs[2], paragraphs[3], paragraphs[4], paragraphs[1]];
    const { segments } = diffTexts(old, join(moved));
    const changed = segments.filter((s) => !s.equal);
    expect(changed.map((s) => [old.slice(s.oldStart, s.oldEnd), s.newEnd - s.newStart])).toEqual([
      ["Second, the ferry.\n", 0],
      ["", "Second, the ferry.\n".length],
    ]);
  });

  it("pairs a repeated line with its own neighbours", () => {
    const old = join(["Intro.", "Note.", "Body one.", "Note.", "Body two."]);
    const newText = join(["Intro.", "Note.", "Body one.", "Added.", "Note.", "Body two."]);
    const { segments } = diffTexts(old, newText);
    expect(segments.filter((s) => !s.equal).map((s) => newText.slice(s.newStart, s.newEnd))).toEqual(["Added.\n"]);
  });
});

suite("mapOffset", () => {
  const old = "The cat sat on the mat.";
  const cases: Array<{ name: string; newText: string; offset: number; bias: "start" | "end"; expected: number }> = [
    { name: "moves an offset after an insertion before it", newText: "Look: The cat sat on the mat.", offset: 4, bias: "start", expected: 10 },
    { name: "keeps an offset before an edit in place", newText: "The cat sat on the red mat.", offset: 4, bias: "start", expected: 4 },
    { name: "keeps text inserted at a range start outside it", newText: "The big cat sat on the mat.", offset: 4, bias: "start", expected: 8 },
    { name: "keeps text inserted at a range end outside it", newText: "The cat big sat on the mat.", offset: 7, bias: "end", expected: 7 },
    { name: "sends a start inside replaced text to the replacement's start", newText: "The dog sat on the mat.", offset: 5, bias: "start", expected: 4 },
    { name: "sends an end inside replaced text to the replacement's end", newText: "The dog sat on the mat.", offset: 6, bias: "end", expected: 7 },
    { name: "maps the end of the text to the end of the text", newText: "The cat sat.", offset: old.length, bias: "start", expected: 12 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(mapOffset(diffTexts(old, c.newText), c.offset, c.bias)).toBe(c.expected);
    });
  }

  it("throws a RangeError for an offset outside the old text", () => {
    expect(() => mapOffset(diffTexts(old, old), old.length + 1, "start")).toThrow(RangeError);
  });
});
