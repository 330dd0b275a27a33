// Specification of the Markdown importer.
import { describe, expect, it } from "vitest";
import { importMarkdown } from "@/core/import/import-markdown.ts";
import type { TextDocument } from "@/core/text/types.ts";

const outline = (doc: TextDocument) =>
  doc.blocks.map((b) => [b.kind + (b.level !== undefined ? b.level : "") + (b.depth !== undefined ? b.depth : ""), doc.text.slice(b.start, b.end)]);
const linked = (doc: TextDocument) => doc.links.map((l) => [doc.text.slice(l.start, l.end), l.href]);

describe("importMarkdown", () => {
  it.each([
    { name: "keeps heading levels", input: "# One\n\n### Three", expected: [["heading1", "One"], ["heading3", "Three"]] },
    { name: "drops inline markup and joins soft breaks with a space", input: "Some *em* and **strong** `code`\nsoft  \nhard", expected: [["paragraph", "Some em and strong code soft\nhard"]] },
    { name: "nests list items, later blocks of an item being paragraphs", input: "- a\n  - b\n\n    more b\n- c\n\n1. d", expected: [["listItem0", "a"], ["listItem1", "b"], ["paragraph", "more b"], ["listItem0", "c"], ["listItem0", "d"]] },
    { name: "reads block quotes", input: "> quoted\n> text", expected: [["blockquote", "quoted text"]] },
    { name: "keeps code as code", input: "```js\nif (x) {\n\n  y();\n}\n```", expected: [["code", "if (x) {\n\n  y();\n}"]] },
    { name: "reads a table row by row", input: "| a | b |\n|---|---|\n| 1 | 2 |", expected: [["paragraph", "a | b"], ["paragraph", "1 | 2"]] },
    { name: "reads an image as its alt text", input: "![a map](m.png) here", expected: [["paragraph", "a map here"]] },
    { name: "keeps raw HTML as literal text", input: "<script>alert(1)</script>", expected: [["paragraph", "<script>alert(1)</script>"]] },
    { name: "decodes entities", input: "AT&amp;T &copy;", expected: [["paragraph", "AT&T ©"]] },
  ])("$name", ({ input, expected }) => {
    expect(outline(importMarkdown(input))).toEqual(expected);
  });

  it.each([
    { name: "keeps http, https and mailto links", input: "[a](http://a.org) [b](https://b.org/x?y=1) [c](mailto:c@d.org)", expected: [["a", "http://a.org"], ["b", "https://b.org/x?y=1"], ["c", "mailto:c@d.org"]] },
    { name: "drops javascript, data and relative links but keeps their text", input: "[a](javascript:alert(1)) [b](data:text/html,x) [c](/rel) [d](//proto.rel)", expected: [] },
  ])("$name", ({ input, expected }) => {
    expect(linked(importMarkdown(input))).toEqual(expected);
  });

  it("takes the first heading as the title", () => {
    expect(importMarkdown("Intro\n\n## The *Title*\n\n# Other").title).toBe("The Title");
  });
});
