import { describe, expect, it } from "vitest";
import type { DossierExport } from "@/core/export/dossier-export.ts";
import { linkPage } from "@/core/export/link-page.ts";
import { CSV_COLUMNS, toCsv } from "@/core/export/to-csv.ts";
import { toMarkdown } from "@/core/export/to-markdown.ts";
import { parse } from "csv-parse/sync";
import { exampleExport } from "./example-export.ts";

/** The example with its source's blocks numbered as pages 1, 2, 3… as a PDF import numbers them. */
function paged(): DossierExport {
  const dossier = exampleExport();
  return {
    ...dossier,
    documents: dossier.documents.map((d) => (d.kind === "source" ? { ...d, blocks: d.blocks.map((b, i) => ({ ...b, page: i + 1 })) } : d)),
  };
}

describe("linkPage and the page in CSV and Markdown exports", () => {
  const dossier = paged();
  const documents = new Map(dossier.documents.map((d) => [d.id, d]));
  const link = dossier.links[0];
  const expected = documents.get(link.documentId)!.blocks.find((b) => b.end > link.start)!.page!;
  const olderVersion = { ...dossier, links: dossier.links.map((l) => (l.id === link.id ? { ...l, contentHash: "sha256:an-older-version" } : l)) };

  const cases = [
    { name: "a span in the latest version of a PDF-born source", input: dossier, expected },
    { name: "a span into an older version", input: olderVersion, expected: null },
    { name: "a source without page numbers", input: exampleExport(), expected: null },
  ];
  for (const c of cases) {
    it(`gives ${c.expected === null ? "no page" : "the page"} for ${c.name}`, () => {
      const docs = new Map(c.input.documents.map((d) => [d.id, d]));
      const span = c.input.links.find((l) => l.id === link.id)!;
      expect(linkPage(span, docs)).toBe(c.expected);
      const [header, ...rows] = parse(toCsv(c.input), { bom: true }) as string[][];
      const row = rows[c.input.claims.findIndex((claim) => claim.id === link.claimId)];
      expect(header).toEqual(CSV_COLUMNS.map((col) => col.header));
      expect(row[header.indexOf("Page")]).toBe(c.expected === null ? "" : String(c.expected));
      const n = c.input.claims.findIndex((claim) => claim.id === link.claimId) + 1;
      const footnote = toMarkdown(c.input).split("\n").find((l) => l.startsWith(`[^${n}]: `))!;
      if (c.expected === null) expect(footnote).not.toMatch(/ p\. \d+,/);
      else expect(footnote).toContain(`, p. ${c.expected}, characters ${link.start}–${link.end}.`);
    });
  }
});
