import { readFileSync } from "node:fs";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RichTextView } from "@/components/annotations/rich-text-view.tsx";

const payloads = readFileSync("tests/fixtures/text/xss-payload-list.txt", "utf8").split("\n").filter((line) => line.trim());
const paragraph = (...content: unknown[]) => ({ type: "doc", content: [{ type: "paragraph", content }] });
const html = (body: unknown) => renderToStaticMarkup(<RichTextView body={body} />);

describe("RichTextView", () => {
  const cases = [
    { name: "bold and italic", body: paragraph({ type: "text", text: "firm", marks: [{ type: "bold" }, { type: "italic" }] }), expected: '<div class="rich-text"><p><span><strong><em>firm</em></strong></span></p></div>' },
    { name: "inline code", body: paragraph({ type: "text", text: "x < 1", marks: [{ type: "code" }] }), expected: '<div class="rich-text"><p><span><code>x &lt; 1</code></span></p></div>' },
    {
      name: "a safe link, opened apart",
      body: paragraph({ type: "text", text: "report", marks: [{ type: "link", attrs: { href: "https://example.org/r" } }] }),
      expected: '<div class="rich-text"><p><span><a href="https://example.org/r" target="_blank" rel="noopener noreferrer nofollow ugc">report</a></span></p></div>',
    },
    { name: "a javascript: link as plain text", body: paragraph({ type: "text", text: "click", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }), expected: '<div class="rich-text"><p><span>click</span></p></div>' },
    { name: "a mention", body: paragraph({ type: "mention", attrs: { id: "u1", label: "Ana" } }), expected: '<div class="rich-text"><p><span class="mention" data-mention-id="u1">@Ana</span></p></div>' },
    {
      name: "lists",
      body: { type: "doc", content: [{ type: "orderedList", attrs: { start: 2 }, content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "b" }] }] }] }] },
      expected: '<div class="rich-text"><ol start="2"><li><p><span>b</span></p></li></ol></div>',
    },
    { name: "an image node as nothing", body: { type: "doc", content: [{ type: "image", attrs: { src: "x", onerror: "alert(1)" } }] }, expected: '<div class="rich-text"></div>' },
  ];
  for (const { name, body, expected } of cases) it(`renders ${name}`, () => expect(html(body)).toBe(expected));

  it("renders every XSS payload as escaped text, with no element or attribute of its own", () => {
    for (const payload of payloads) {
      const out = html(paragraph({ type: "text", text: payload }, { type: "text", text: "x", marks: [{ type: "link", attrs: { href: payload } }] }));
      const withoutText = out.replace(/>[^<]*</g, "><");
      expect(withoutText).toMatch(/^<div class="rich-text"><p><span><\/span><span>(<a href="[^"]*" target="_blank" rel="noopener noreferrer nofollow ugc"><\/a>)?<\/span><\/p><\/div>$/);
      expect(out).not.toMatch(/<(img|script|svg|iframe|body|style)\b/i);
      const href = /<a href="([^"]*)"/.exec(out)?.[1];
      if (href) expect(new URL(href.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">")).protocol).toMatch(/^(https?|mailto):$/);
    }
    // Thousands of renders: generous on a shared, busy machine.
  }, 60_000);
});
