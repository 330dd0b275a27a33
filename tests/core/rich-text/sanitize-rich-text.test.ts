import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { RichTextNode } from "@/core/rich-text/rich-text-node.ts";
import { richTextToPlainText } from "@/core/rich-text/rich-text-to-plain-text.ts";
import { sanitizeRichText } from "@/core/rich-text/sanitize-rich-text.ts";

const payloads = readFileSync("tests/fixtures/text/xss-payload-list.txt", "utf8").split("\n").filter((line) => line.trim());
const linked = (href: unknown) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "see", marks: [{ type: "link", attrs: { href } }] }] }] });
/** Every href left in a sanitised tree. */
const hrefs = (node: RichTextNode): string[] => [
  ...(node.type === "text" ? (node.marks ?? []).flatMap((m) => (m.type === "link" ? [m.attrs.href] : [])) : []),
  ...("content" in node && node.content ? node.content.flatMap(hrefs) : []),
];

describe("sanitizeRichText", () => {
  const cases: { name: string; input: unknown; expected: RichTextNode }[] = [
    {
      name: "keeps bold, italic, code and a safe link",
      input: linked("https://example.org/a?b=1"),
      expected: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "see", marks: [{ type: "link", attrs: { href: "https://example.org/a?b=1" } }] }] }] },
    },
    {
      name: "turns a javascript: link into plain text",
      input: linked("javascript:alert(1)"),
      expected: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "see" }] }] },
    },
    { name: "drops a link whose href is not a string", input: linked({ toString: "x" }), expected: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "see" }] }] } },
    {
      name: "keeps the text of unknown nodes and drops the nodes",
      input: { type: "doc", content: [{ type: "image", attrs: { src: "x", onerror: "alert(1)" } }, { type: "blockquote", content: [{ type: "text", text: "quoted" }] }] },
      expected: { type: "doc", content: [{ type: "text", text: "quoted" }] },
    },
    {
      name: "drops unknown marks and attributes but keeps the text",
      input: { type: "doc", content: [{ type: "paragraph", attrs: { style: "x" }, content: [{ type: "text", text: "t", marks: [{ type: "bold" }, { type: "textStyle", attrs: { color: "red" } }, { type: "bold" }] }] }] },
      expected: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "t", marks: [{ type: "bold" }] }] }] },
    },
    {
      name: "keeps a mention's id and label only",
      input: { type: "doc", content: [{ type: "mention", attrs: { id: "u1", label: "Ana", href: "javascript:x" } }] },
      expected: { type: "doc", content: [{ type: "mention", attrs: { id: "u1", label: "Ana" } }] },
    },
    { name: "answers an empty document for a non-object", input: "<img src=x onerror=alert(1)>", expected: { type: "doc", content: [] } },
    { name: "answers an empty document for null", input: null, expected: { type: "doc", content: [] } },
    { name: "drops text that is not a string", input: { type: "doc", content: [{ type: "text", text: { __html: "<b>x</b>" } }] }, expected: { type: "doc", content: [] } },
    {
      name: "keeps an ordered list's start only when it is a whole number",
      input: { type: "doc", content: [{ type: "orderedList", attrs: { start: "1;alert(1)" }, content: [] }, { type: "orderedList", attrs: { start: 3 }, content: [] }] },
      expected: { type: "doc", content: [{ type: "orderedList", content: [] }, { type: "orderedList", attrs: { start: 3 }, content: [] }] },
    },
  ];
  for (const { name, input, expected } of cases) it(name, () => expect(sanitizeRichText(input)).toEqual(expected));

  it("stops at a depth bound on a hostile, deeply nested document", () => {
    let node: unknown = { type: "text", text: "deep" };
    for (let i = 0; i < 10_000; i++) node = { type: "paragraph", content: [node] };
    expect(() => sanitizeRichText(node)).not.toThrow();
  });

  it(`keeps no link from any of the ${payloads.length} XSS payloads used as an href unless it is http, https or mailto`, () => {
    for (const payload of payloads) {
      for (const href of hrefs(sanitizeRichText(linked(payload)))) expect(new URL(href).protocol).toMatch(/^(https?|mailto):$/);
    }
  }, 60_000);

  it("keeps every XSS payload used as text, character for character", () => {
    for (const payload of payloads) {
      const doc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: payload }] }] };
      expect(richTextToPlainText(sanitizeRichText(doc))).toBe(payload.trim());
    }
  }, 60_000);
});
