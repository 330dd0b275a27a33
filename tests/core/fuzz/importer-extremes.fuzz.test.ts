// Inputs at the extremes every importer must survive: 10,000 nested elements, a 1 MB line,
// 100,000 tiny paragraphs. Each is imported whole, quickly enough, with nothing lost.
import { describe, expect, it } from "vitest";
import { importDocument } from "@/core/import/import-document.ts";
import type { DocumentFormat } from "@/core/text/types.ts";
import { expectWellFormed } from "./document-checks.ts";

const FORMATS: DocumentFormat[] = ["text", "markdown", "html"];
/** Generous: these take about a second each alone, several times that on a busy 2-core machine. */
const SLOW = { timeout: 30_000 };

describe("importers at the extremes", () => {
  it.each(["div", "blockquote", "ul><li", "b", "span", "table><tr><td"])("reads HTML nested 10,000 levels deep in <%s>", (tag) => {
    const open = `<${tag}>`;
    const close = tag.split("><").reverse().map((t) => `</${t}>`).join("");
    const html = `${open.repeat(10_000)}deep text${close.repeat(10_000)}<p>after</p>`;
    const doc = importDocument({ text: html, format: "html" });
    expectWellFormed(doc);
    expect(doc.text).toContain("deep text");
    expect(doc.text).toContain("after");
  });

  it.each(["> ", "- ", "1. ", "* > ", "  "])("reads Markdown nested 10,000 levels deep in %j, every word kept", (prefix) => {
    for (const depth of [60, 150, 1_000, 10_000]) {
      const doc = importDocument({ text: `Top\n\n${prefix.repeat(depth)}deep text\n\nafter`, format: "markdown" });
      expectWellFormed(doc);
      expect(doc.text).toMatch(/^Top\n\n[^]*deep text\n\nafter$/);
    }
  });

  it.each(FORMATS)("reads a single 1 MB line as %s, every word kept", SLOW, (format) => {
    const word = "lorem ";
    const line = word.repeat(Math.ceil(1_000_000 / word.length)).trim();
    const doc = importDocument({ text: line, format });
    expectWellFormed(doc);
    expect(doc.text).toBe(line);
  });

  it.each(FORMATS)("reads 100,000 tiny paragraphs as %s", SLOW, (format) => {
    const paragraphs = Array.from({ length: 100_000 }, (_, n) => `p${n}`);
    const text = format === "html" ? paragraphs.map((p) => `<p>${p}</p>`).join("") : paragraphs.join("\n\n");
    const doc = importDocument({ text, format });
    expectWellFormed(doc);
    expect(doc.blocks.length).toBe(100_000);
    expect(doc.text === paragraphs.join("\n\n")).toBe(true);
  });
});
