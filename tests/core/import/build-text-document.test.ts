// Specification of the canonical text rules every importer shares.
import { describe, expect, it } from "vitest";
import { buildTextDocument } from "@/core/import/build-text-document.ts";
import type { DraftBlock } from "@/core/import/draft-block.ts";
import { hashText } from "@/core/text/hash-text.ts";

const para = (text: string): DraftBlock => ({ kind: "paragraph", text });

describe("buildTextDocument", () => {
  it.each([
    { name: "joins blocks with a blank line", drafts: [para("One"), para("Two")], expected: "One\n\nTwo" },
    { name: "turns CRLF, CR, NEL and line separators into LF", drafts: [para("a\r\nb\rc\u0085d\u2028e\u2029f")], expected: "a\nb\nc\nd\ne\nf" },
    { name: "collapses runs of spaces, tabs and space separators", drafts: [para("a \t\u00a0\u3000 b\u2003c")], expected: "a b c" },
    { name: "trims every line and drops blank lines inside a block", drafts: [para("  a  \n\n\n  b  ")], expected: "a\nb" },
    { name: "removes control characters", drafts: [para("a\u0000b\u0007c\u001bd\u007fe\u0080f\u009f")], expected: "abcdef" },
    { name: "keeps zero-width and format characters", drafts: [para("a\u200bb\u200dc\ufeffd")], expected: "a\u200bb\u200dc\ufeffd" },
    { name: "replaces lone surrogates", drafts: [para("a\ud800b\udc00c\ud83d\ude00")], expected: "a\ufffdb\ufffdc\ud83d\ude00" },
    { name: "puts the text in NFC", drafts: [para("Cafe\u0301 n\u0303")], expected: "Café ñ" },
    { name: "leaves out blocks that end up empty", drafts: [para(" \n\t"), para("x"), para("\u0000")], expected: "x" },
    { name: "keeps code indentation and inner blank lines", drafts: [{ kind: "code", text: "\n\n  if (x) {  \n\n\treturn;\n  }\n\n" } as DraftBlock], expected: "  if (x) {\n\n\treturn;\n  }" },
  ])("$name", ({ drafts, expected }) => {
    const doc = buildTextDocument(drafts, "text");
    expect(doc.text).toBe(expected);
    expect(doc.hash).toBe(hashText(expected));
  });

  it("gives each block its span, level and depth", () => {
    const doc = buildTextDocument(
      [{ kind: "heading", level: 2, text: " Title " }, { kind: "listItem", depth: 1, text: "item" }, para("end")],
      "markdown",
    );
    expect(doc.blocks).toEqual([
      { kind: "heading", level: 2, start: 0, end: 5 },
      { kind: "listItem", depth: 1, start: 7, end: 11 },
      { kind: "paragraph", start: 13, end: 16 },
    ]);
    expect(doc.format).toBe("markdown");
  });

  it("carries links through whitespace changes and NFC, trimmed to their text", () => {
    const raw = "  see   the  Cafe\u0301 site ,  ok";
    const from = raw.indexOf("the");
    const to = raw.indexOf(" ,");
    const doc = buildTextDocument([para("first"), { kind: "paragraph", text: raw, links: [{ start: from - 1, end: to + 1, href: "https://x.org" }] }], "html");
    expect(doc.links).toHaveLength(1);
    expect(doc.text.slice(doc.links[0].start, doc.links[0].end)).toBe("the Café site");
  });

  it("drops links whose text disappeared", () => {
    const doc = buildTextDocument([{ kind: "paragraph", text: "a   b", links: [{ start: 1, end: 4, href: "https://x.org" }] }], "html");
    expect(doc.links).toEqual([]);
  });

  it("cleans the title and leaves it out when empty", () => {
    expect(buildTextDocument([para("x")], "text", "  A \n title ").title).toBe("A title");
    expect(buildTextDocument([para("x")], "text", " \u0000 ").title).toBeUndefined();
  });
});
