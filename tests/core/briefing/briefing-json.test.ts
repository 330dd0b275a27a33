// Specifications of `briefingToJson` and `jsonToBriefing`: a briefing version as a Tiptap document with claim marks, and back.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BriefingJsonNode } from "@/core/briefing/briefing-json.ts";
import { briefingToJson } from "@/core/briefing/briefing-to-json.ts";
import type { ClaimSpan } from "@/core/briefing/claim-span.ts";
import { jsonToBriefing } from "@/core/briefing/json-to-briefing.ts";
import { buildTextDocument } from "@/core/import/build-text-document.ts";
import type { DraftBlock } from "@/core/import/draft-block.ts";
import type { TextDocument } from "@/core/text/types.ts";

const doc = (drafts: DraftBlock[]): TextDocument => buildTextDocument(drafts, "text");
const claim = (id: string) => ({ type: "claim", attrs: { id } });
const text = (value: string, ...ids: string[]) => (ids.length ? { type: "text", text: value, marks: ids.map(claim) } : { type: "text", text: value });
const byId = (spans: ClaimSpan[]) => [...spans].sort((a, b) => (a.id < b.id ? -1 : 1));
/** A claim span over the first occurrence of `words` in `source`. */
const over = (id: string, source: string, words: string): ClaimSpan => {
  const start = source.indexOf(words);
  if (start < 0) throw new Error(`no "${words}"`);
  return { id, start, end: start + words.length };
};

describe("briefingToJson", () => {
  it("gives each block its node and marks each claim's text with its id", () => {
    const d = doc([
      { kind: "heading", level: 2, text: "Findings" },
      { kind: "paragraph", text: "Troops were sent. Talks went on." },
    ]);
    expect(briefingToJson(d.text, d.blocks, [over("a", d.text, "Troops were sent.")])).toEqual({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [text("Findings")] },
        { type: "paragraph", content: [text("Troops were sent.", "a"), text(" Talks went on.")] },
      ],
    });
  });

  it("gives overlapping claims several marks on the text they share", () => {
    const d = doc([{ kind: "paragraph", text: "one two three" }]);
    const json = briefingToJson(d.text, d.blocks, [over("a", d.text, "one two"), over("b", d.text, "two three")]);
    expect(json.content![0].content).toEqual([text("one ", "a"), text("two", "a", "b"), text(" three", "b")]);
  });

  it("nests list items by depth, opening with an empty item when a list starts deeper", () => {
    const d = doc([
      { kind: "listItem", depth: 1, text: "deep first" },
      { kind: "listItem", depth: 0, text: "top" },
      { kind: "listItem", depth: 1, text: "under top" },
      { kind: "paragraph", text: "after" },
    ]);
    expect(briefingToJson(d.text, d.blocks, []).content).toEqual([
      {
        type: "bulletList",
        content: [
          { type: "listItem", content: [{ type: "paragraph" }, { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [text("deep first")] }] }] }] },
          {
            type: "listItem",
            content: [
              { type: "paragraph", content: [text("top")] },
              { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [text("under top")] }] }] },
            ],
          },
        ],
      },
      { type: "paragraph", content: [text("after")] },
    ]);
  });

  it("puts neighbouring quote blocks in one block quote, keeps code unmarked and line breaks as hard breaks", () => {
    const d = doc([
      { kind: "blockquote", text: "first quoted" },
      { kind: "blockquote", text: "second quoted" },
      { kind: "code", text: "let a = 1;\n  a++;" },
      { kind: "paragraph", text: "line one\nline two" },
    ]);
    const json = briefingToJson(d.text, d.blocks, [over("q", d.text, "let a"), over("p", d.text, "one\nline")]);
    expect(json.content).toEqual([
      { type: "blockquote", content: [{ type: "paragraph", content: [text("first quoted")] }, { type: "paragraph", content: [text("second quoted")] }] },
      { type: "codeBlock", attrs: { language: null }, content: [text("let a = 1;\n  a++;")] },
      { type: "paragraph", content: [text("line "), text("one", "p"), { type: "hardBreak", marks: [claim("p")] }, text("line", "p"), text(" two")] },
    ]);
  });

  it("gives an empty briefing one empty paragraph to type in", () => {
    expect(briefingToJson("", [], [])).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
  });

  it("refuses blocks out of order with a RangeError", () => {
    expect(() => briefingToJson("ab\n\ncd", [{ kind: "paragraph", start: 4, end: 6 }, { kind: "paragraph", start: 0, end: 2 }], [])).toThrow(RangeError);
  });
});

describe("jsonToBriefing", () => {
  const paragraph = (...content: object[]) => ({ type: "paragraph", content });
  const read = (...content: object[]) => jsonToBriefing({ type: "doc", content } as BriefingJsonNode);

  it("keeps a claim's id when a typo inside it is fixed, with its new offsets", () => {
    const edited = read(paragraph(text("Intro. "), text("The intelligence unit grew.", "a"), text(" Outro.")));
    expect(edited.document.text).toBe("Intro. The intelligence unit grew. Outro.");
    expect(edited.claims).toEqual([over("a", edited.document.text, "The intelligence unit grew.")]);
  });

  const cases: { name: string; content: object[]; text: string; claims: [string, string][] }[] = [
    {
      name: "spans a claim from its first to its last marked character when text without its mark was typed inside",
      content: [paragraph(text("Troops ", "a"), text("(many) "), text("were sent.", "a"))],
      text: "Troops (many) were sent.",
      claims: [["a", "Troops (many) were sent."]],
    },
    {
      name: "leaves a claim out when all its text was deleted",
      content: [paragraph(text("Only this is left."))],
      text: "Only this is left.",
      claims: [],
    },
    {
      name: "leaves marked spaces at a claim's ends out and folds spaces as an import does",
      content: [paragraph(text("  lead  "), text("  the   claim  ", "a"), text(" tail "))],
      text: "lead the claim tail",
      claims: [["a", "the claim"]],
    },
    {
      name: "keeps a claim's first place when a copy of it was pasted after another claim",
      content: [paragraph(text("Original words.", "a"), text(" Other claim.", "b"), text(" Original words.", "a"))],
      text: "Original words. Other claim. Original words.",
      claims: [["a", "Original words."], ["b", "Other claim."]],
    },
    {
      name: "spans a claim over both blocks when Enter was pressed inside it",
      content: [paragraph(text("First half", "a")), paragraph(text("second half.", "a"))],
      text: "First half\n\nsecond half.",
      claims: [["a", "First half\n\nsecond half."]],
    },
    {
      name: "drops empty paragraphs and reads hard breaks as line breaks",
      content: [{ type: "paragraph" }, paragraph(text("one", "a"), { type: "hardBreak", marks: [claim("a")] }, text("two", "a")), { type: "paragraph" }],
      text: "one\ntwo",
      claims: [["a", "one\ntwo"]],
    },
  ];
  it.each(cases)("$name", ({ content, text: expected, claims }) => {
    const edited = read(...content);
    expect(edited.document.text).toBe(expected);
    expect(edited.claims).toEqual(claims.map(([id, words]) => over(id, expected, words)));
  });

  it("reads blocks by their innermost list or quote, ordered lists as lists, and heading levels", () => {
    const edited = read(
      { type: "heading", attrs: { level: 3 }, content: [text("Head")] },
      { type: "orderedList", attrs: { start: 1 }, content: [{ type: "listItem", content: [paragraph(text("item")), { type: "blockquote", content: [paragraph(text("quoted in item"))] }] }] },
      { type: "blockquote", content: [paragraph(text("quote")), { type: "bulletList", content: [{ type: "listItem", content: [paragraph(text("listed in quote"))] }] }] },
      { type: "codeBlock", attrs: { language: null }, content: [text("x  = 1")] },
    );
    expect(edited.document.blocks.map((b) => [b.kind, edited.document.text.slice(b.start, b.end), b.level ?? b.depth ?? null])).toEqual([
      ["heading", "Head", 3],
      ["listItem", "item", 0],
      ["blockquote", "quoted in item", null],
      ["blockquote", "quote", null],
      ["listItem", "listed in quote", 0],
      ["code", "x  = 1", null],
    ]);
  });

  it.each([
    { name: "an image node", content: [{ type: "image", attrs: { src: "x" } }] },
    { name: "a mention", content: [paragraph({ type: "mention", attrs: { id: "u" } })] },
    { name: "a bold mark", content: [paragraph({ type: "text", text: "x", marks: [{ type: "bold" }] })] },
    { name: "a claim mark without id", content: [paragraph({ type: "text", text: "x", marks: [{ type: "claim", attrs: {} }] })] },
  ])("refuses $name with a RangeError", ({ content }) => {
    expect(() => read(...content)).toThrow(RangeError);
  });
});

describe("briefing ↔ Tiptap JSON", () => {
  const word = fc.constantFrom("the", "cartel", "troops", "é", "😀", "10,000", "“quoted”", "Mr.", "border.", "x");
  const blockText = fc.array(fc.tuple(word, fc.constantFrom(" ", " ", " ", "\n", "  ")), { minLength: 1, maxLength: 8 }).map((ws) => ws.map(([w, s]) => w + s).join(""));
  const draft: fc.Arbitrary<DraftBlock> = fc.oneof(
    fc.record({ kind: fc.constant("paragraph" as const), text: blockText }),
    fc.record({ kind: fc.constant("heading" as const), level: fc.integer({ min: 1, max: 6 }), text: blockText }),
    fc.record({ kind: fc.constant("listItem" as const), depth: fc.integer({ min: 0, max: 3 }), text: blockText }),
    fc.record({ kind: fc.constant("blockquote" as const), text: blockText }),
    fc.record({ kind: fc.constant("code" as const), text: blockText }),
  );
  /** A briefing, and claims inside its non-code blocks (some overlapping), ending on non-space characters. */
  const briefing = fc
    .array(draft, { minLength: 1, maxLength: 8 })
    .map((drafts) => doc(drafts))
    .chain((d) => {
      const markable = d.blocks.filter((b) => b.kind !== "code");
      const span = markable.length
        ? fc.tuple(fc.constantFrom(...markable), fc.nat(), fc.nat()).map(([b, x, y]) => {
            let start = b.start + (x % (b.end - b.start));
            let end = b.start + (y % (b.end - b.start)) + 1;
            if (start >= end) [start, end] = [end - 1, start + 1];
            while (start < end && /\s/.test(d.text[start])) start++;
            while (end > start && /\s/.test(d.text[end - 1])) end--;
            // Never cut a surrogate pair.
            if (/[\udc00-\udfff]/.test(d.text[start] ?? "")) start--;
            if (/[\ud800-\udbff]/.test(d.text[end - 1] ?? "")) end++;
            return { start, end };
          })
        : fc.constant({ start: 0, end: 0 });
      return fc.tuple(fc.constant(d), fc.array(span, { maxLength: 6 }));
    })
    .map(([d, spans]) => ({ doc: d, claims: spans.filter((s) => s.start < s.end).map((s, i) => ({ id: `c${i}`, ...s })) }));

  it("doc → json → doc is the identity on text, blocks and claim spans", () => {
    fc.assert(
      fc.property(briefing, ({ doc: d, claims }) => {
        const back = jsonToBriefing(briefingToJson(d.text, d.blocks, claims));
        expect(back.document.text).toBe(d.text);
        expect(back.document.blocks).toEqual(d.blocks);
        expect(back.document.hash).toBe(d.hash);
        expect(byId(back.claims)).toEqual(byId(claims));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps a claim that runs over several blocks whole", () => {
    const d = doc([
      { kind: "paragraph", text: "Start of it" },
      { kind: "listItem", text: "middle" },
      { kind: "paragraph", text: "end of it. More." },
    ]);
    const claims = [{ id: "a", start: d.text.indexOf("of it"), end: d.text.indexOf(" More.") }];
    expect(jsonToBriefing(briefingToJson(d.text, d.blocks, claims)).claims).toEqual(claims);
  });
});
