import { readFileSync } from "node:fs";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { escapeMarkdown, toMarkdown } from "@/core/export/to-markdown.ts";
import { exampleExport } from "./example-export.ts";

const naughty: string[] = JSON.parse(readFileSync("tests/fixtures/text/blns.json", "utf8"));
const xss = readFileSync("tests/fixtures/text/xss-payload-list.txt", "utf8").split("\n").filter(Boolean).slice(0, 400);

describe("toMarkdown", () => {
  const dossier = exampleExport();
  const markdown = toMarkdown(dossier);
  const footnotes = markdown.split("\n").filter((l) => /^\[\^\d+\]: /.test(l));

  it("writes the briefing with one footnote per claim", () => {
    expect(markdown.startsWith(`# Fentanyl Crisis: US Military Response and Consequences\n`)).toBe(true);
    expect(footnotes).toHaveLength(dossier.claims.length);
    for (let n = 1; n <= dossier.claims.length; n++) expect(markdown).toContain(`[^${n}]`);
  });

  it("quotes the accepted passage and its verdict in the claim's footnote", () => {
    const link = dossier.links[0];
    const n = dossier.claims.findIndex((c) => c.id === link.claimId) + 1;
    const note = footnotes.find((l) => l.startsWith(`[^${n}]: `))!;
    expect(note).toContain("**Backed.**");
    expect(note).toContain(`Supports: “${escapeMarkdown(link.exact.replace(/\s+/g, " "))}”`);
    expect(note).toContain(`characters ${link.start}–${link.end}`);
  });

  it("marks a claim with no support in the text and in its footnote", () => {
    const linked = new Set(dossier.links.map((l) => l.claimId));
    const n = dossier.claims.findIndex((c) => !linked.has(c.id)) + 1;
    expect(markdown).toContain(`*(no support found)*[^${n}]`);
    expect(footnotes.find((l) => l.startsWith(`[^${n}]: `))).toBe(`[^${n}]: **Not found in the attached sources.**`);
  });

  it("says a suggestion is only a suggestion, and gives a claim's review state", () => {
    const suggested = dossier.links.find((l) => l.state === "suggested")!;
    const n = dossier.claims.findIndex((c) => c.id === suggested.claimId) + 1;
    expect(footnotes.find((l) => l.startsWith(`[^${n}]: `))).toMatch(/^\[\^\d+\]: \*\*Not reviewed; best suggestion\.\*\* Suggested \(\d+%\): “/);
    expect(footnotes.find((l) => l.startsWith("[^6]: "))).toContain("Review: Verified.");
  });

  it("renders hostile briefing text as the same text, never as markup or HTML", () => {
    const md = new MarkdownIt({ html: true, linkify: false });
    for (const text of [...naughty, ...xss]) {
      const flat = text.replace(/\s+/g, " ").trim();
      if (!flat) continue;
      const rendered = md.renderInline(escapeMarkdown(flat));
      expect(rendered, text).not.toMatch(/<(?!br)[a-z]/i);
      const decoded = rendered.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
      expect(decoded, text).toBe(flat);
    }
  });
});
