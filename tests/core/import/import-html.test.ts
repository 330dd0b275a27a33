// Specification of the HTML importer: sanitising with an allowlist, then reading blocks.
import { readFileSync } from "node:fs";
import { Parser } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { importHtml } from "@/core/import/import-html.ts";
import type { TextDocument } from "@/core/text/types.ts";

const outline = (doc: TextDocument) =>
  doc.blocks.map((b) => [b.kind + (b.level !== undefined ? b.level : "") + (b.depth !== undefined ? b.depth : ""), doc.text.slice(b.start, b.end)]);
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/text/${name}`, import.meta.url), "utf8");

/** What a browser shows of an HTML fragment as text: text nodes and image alt text, no scripts. */
function shownText(html: string): string {
  let shown = "";
  let hidden = 0;
  const hiding = new Set(["script", "style", "textarea", "title", "iframe", "noscript", "template", "option", "svg", "math", "object", "select", "head", "frameset", "xmp", "noembed", "noframes", "plaintext"]);
  const parser = new Parser({
    onopentag(name, attribs) {
      if (hiding.has(name)) hidden++;
      if (name === "img" && attribs.alt && hidden === 0) shown += attribs.alt;
    },
    ontext(text) {
      if (hidden === 0) shown += text;
    },
    onclosetag(name) {
      if (hiding.has(name) && hidden > 0) hidden--;
    },
  });
  parser.write(html);
  parser.end();
  return shown;
}

describe("importHtml", () => {
  it.each([
    { name: "reads headings and paragraphs", input: "<h2>Head</h2><p>Para   one\n two</p>", expected: [["heading2", "Head"], ["paragraph", "Para one two"]] },
    { name: "nests list items", input: "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul><ol><li>d</li></ol>", expected: [["listItem0", "a"], ["listItem1", "b"], ["listItem0", "c"], ["listItem0", "d"]] },
    { name: "reads block quotes and code", input: "<blockquote><p>q</p></blockquote><pre><code>a\n  b</code></pre>", expected: [["blockquote", "q"], ["code", "a\n  b"]] },
    { name: "turns <br> into a line break", input: "<p>one<br>two</p>", expected: [["paragraph", "one\ntwo"]] },
    { name: "reads table rows as paragraphs", input: "<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>", expected: [["paragraph", "a | b"], ["paragraph", "1 | 2"]] },
    { name: "keeps the text of unknown elements", input: "<custom-el>hi <font>there</font></custom-el>", expected: [["paragraph", "hi there"]] },
    { name: "drops scripts, styles and frames with their contents", input: "<p>a</p><script>alert(1)</script><style>p{}</style><iframe>x</iframe><p>b</p>", expected: [["paragraph", "a"], ["paragraph", "b"]] },
    { name: "reads an image as its alt text", input: "<p>see <img src=x onerror=alert(1) alt=\"the map\"></p>", expected: [["paragraph", "see the map"]] },
    { name: "decodes entities into text", input: "<p>&lt;b&gt; &amp; &eacute;</p>", expected: [["paragraph", "<b> & é"]] },
  ])("$name", ({ input, expected }) => {
    expect(outline(importHtml(input))).toEqual(expected);
  });

  it("keeps only http, https and mailto links, over their text", () => {
    const doc = importHtml('<p><a href="https://a.org/x">one</a> <a href="javascript:alert(1)">two</a> <a href="data:text/html,x">three</a> <a href=" mailto:m@x.org">four</a> <a href="/rel">five</a> <a href="JaVaScRiPt&colon;alert(1)">six</a></p>');
    expect(doc.text).toBe("one two three four five six");
    expect(doc.links.map((l) => [doc.text.slice(l.start, l.end), l.href])).toEqual([["one", "https://a.org/x"], ["four", "mailto:m@x.org"]]);
  });

  it("takes the title from <title>, else the first heading", () => {
    expect(importHtml("<html><head><title>Page &amp; co</title></head><body><h1>H</h1></body></html>").title).toBe("Page & co");
    expect(importHtml("<p>x</p><h3>First</h3><h1>Second</h1>").title).toBe("First");
  });

  it("lets no script, handler or javascript: URL through from any XSS payload", () => {
    const payloads = fixture("xss-payload-list.txt").split("\n").filter((line) => line.trim() !== "");
    expect(payloads.length).toBeGreaterThan(6000);
    for (const payload of payloads) {
      const doc = importHtml(payload);
      const shown = shownText(payload);
      for (const link of doc.links) {
        expect(link.href, payload).toMatch(/^(?:https?:\/\/|mailto:)/i);
        expect(link.href, payload).not.toMatch(/javascript:|data:/i);
      }
      // The text is plain text, never markup; these strings may appear in it only where the
      // page itself shows them as text (an escaped "&lt;script", a sentence about onload=).
      for (const dangerous of [/<script/i, /\bon[a-z]+\s*=/i, /javascript:/i]) {
        if (dangerous.test(doc.text)) expect(shown, payload).toMatch(dangerous);
      }
    }
  });
});
