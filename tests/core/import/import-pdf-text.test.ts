import { describe, expect, it } from "vitest";
import { importPdfText, type PdfTextRun } from "@/core/import/import-pdf-text.ts";

/** Lines of one page, top to bottom, `step` apart, each one run of the given size. */
function page(lines: { text: string; size?: number; gapBefore?: number }[], step = 14): { runs: PdfTextRun[] } {
  let y = 800;
  const runs = lines.map((line, i) => {
    if (i > 0) y -= line.gapBefore ?? step;
    const size = line.size ?? 12;
    return { text: line.text, x: 57, y, width: line.text.length * size * 0.5, height: size, endOfLine: true };
  });
  return { runs };
}

const blocksOf = (doc: ReturnType<typeof importPdfText>) => doc.blocks.map((b) => ({ ...b, text: doc.text.slice(b.start, b.end) }));

describe("importPdfText", () => {
  it("joins wrapped lines into paragraphs and starts a new one at a wider step", () => {
    const doc = importPdfText([
      page([
        { text: "The ministry said 10,000 troops had been" },
        { text: "deployed to the border." },
        { text: "Analysts counted 140 shipments.", gapBefore: 26 },
      ]),
    ]);
    expect(blocksOf(doc).map((b) => [b.kind, b.text, b.page])).toEqual([
      ["paragraph", "The ministry said 10,000 troops had been deployed to the border.", 1],
      ["paragraph", "Analysts counted 140 shipments.", 1],
    ]);
    expect(doc.format).toBe("pdf");
  });

  it("ranks headings by size and keeps every block on its own page", () => {
    const doc = importPdfText([
      page([{ text: "Border Report", size: 24 }, { text: "Talks", size: 18, gapBefore: 30 }, { text: "Officials did not rule out", gapBefore: 30 }]),
      page([{ text: "further deployments." }, { text: "Outlook", size: 18, gapBefore: 30 }, { text: "Trade fell.", gapBefore: 30 }]),
    ]);
    expect(blocksOf(doc).map((b) => [b.kind, b.level, b.text, b.page])).toEqual([
      ["heading", 1, "Border Report", 1],
      ["heading", 2, "Talks", 1],
      ["paragraph", undefined, "Officials did not rule out", 1],
      ["paragraph", undefined, "further deployments.", 2],
      ["heading", 2, "Outlook", 2],
      ["paragraph", undefined, "Trade fell.", 2],
    ]);
  });

  it("mends a word hyphenated at a line end, but keeps a hyphen before a capital or a digit", () => {
    const doc = importPdfText([page([{ text: "a broken hyphen-" }, { text: "ated word and Franco-" }, { text: "German talks in 2019-" }, { text: "2020." }])]);
    expect(doc.text).toBe("a broken hyphenated word and Franco- German talks in 2019- 2020.");
  });

  it("puts a space between runs of one line only where there is a gap", () => {
    const runs: PdfTextRun[] = [
      { text: "Ana", x: 0, y: 700, width: 18, height: 12 },
      { text: "lysts", x: 18, y: 700, width: 30, height: 12 },
      { text: "said", x: 60, y: 700.3, width: 24, height: 12, endOfLine: true },
    ];
    expect(importPdfText([{ runs }]).text).toBe("Analysts said");
  });

  it("calls a PDF without any text a scan, and one without pages empty", () => {
    expect(() => importPdfText([{ runs: [] }, { runs: [{ text: "  ", x: 0, y: 0, width: 0, height: 0 }] }])).toThrow(
      expect.objectContaining({ code: "no_text_layer", message: expect.stringContaining("scanned") }),
    );
    expect(() => importPdfText([])).toThrow(expect.objectContaining({ code: "no_text_layer" }));
  });

  it("keeps the title it is given", () => {
    expect(importPdfText([page([{ text: "Body." }])], "  Border   report ").title).toBe("Border report");
  });
});
