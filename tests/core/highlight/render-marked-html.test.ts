import { describe, expect, it } from "vitest";
import { escapeHtml, renderMarkedHtml } from "@/core/highlight/render-marked-html.ts";
import type { Block } from "@/core/text/types.ts";

describe("renderMarkedHtml", () => {
  // "Title" 0–5, the paragraph 7–30, "first" 32–37, "second" 39–45.
  const text = "Title\n\nOne <b>two</b> & three.\n\nfirst\n\nsecond";
  const blocks: Block[] = [
    { kind: "heading", level: 1, start: 0, end: 5 },
    { kind: "paragraph", start: 7, end: 30 },
    { kind: "listItem", depth: 0, start: 32, end: 37 },
    { kind: "listItem", depth: 1, start: 39, end: 45 },
  ];

  it("draws blocks with their offsets, escaping the text", () => {
    expect(renderMarkedHtml(text, blocks, [])).toBe(
      '<h2 data-block-start="0" data-block-end="5">Title</h2>' +
        '<p data-block-start="7" data-block-end="30">One &lt;b&gt;two&lt;/b&gt; &amp; three.</p>' +
        '<ul><li data-block-start="32" data-block-end="37">first</li>' +
        '<li data-block-start="39" data-block-end="45" style="margin-left:1.25rem">second</li></ul>',
    );
  });

  it("wraps marked pieces, the strongest kind drawing where marks overlap", () => {
    const rank = (kind: string) => ["contradicts", "suggested"].indexOf(kind);
    const html = renderMarkedHtml(
      text,
      blocks.slice(1, 2),
      [
        { id: "s", start: 7, end: 10, kind: "suggested" },
        { id: "c", start: 8, end: 12, kind: "contradicts" },
      ],
      { rank },
    );
    expect(html).toBe(
      '<p data-block-start="7" data-block-end="30">' +
        '<mark class="hl hl-suggested" data-link-id="s" data-links="s">O</mark>' +
        '<mark class="hl hl-contradicts" data-link-id="c" data-links="s c">ne</mark>' +
        '<mark class="hl hl-contradicts" data-link-id="c" data-links="c"> &lt;</mark>b&gt;two&lt;/b&gt; &amp; three.</p>',
    );
  });

  it("keeps a block's text content equal to its span of the text", () => {
    const html = renderMarkedHtml(text, blocks, [{ id: "a", start: 2, end: 33, kind: "supports" }]);
    const contents = [...html.matchAll(/data-block-start="(\d+)" data-block-end="(\d+)"[^>]*>(.*?)<\/(?:h2|p|li)>/g)];
    for (const [, start, end, inner] of contents) {
      const plain = inner.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
      expect(plain).toBe(text.slice(Number(start), Number(end)));
    }
    expect(contents).toHaveLength(4);
  });

  it("groups blocks in content-visibility sections when asked", () => {
    const html = renderMarkedHtml(text, blocks, [], { sectionSize: 2 });
    expect(html.match(/<div class="reading-section" style="contain-intrinsic-size:auto \d+px">/g)).toHaveLength(2);
  });

  it("escapes markup in ids and kinds too", () => {
    expect(escapeHtml(`"><script>'`)).toBe("&quot;&gt;&lt;script&gt;&#39;");
  });
});
