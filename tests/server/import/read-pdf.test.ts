import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDocumentInput } from "@/server/documents/read-document-input.ts";
import { readPdf } from "@/server/import/read-pdf.ts";

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/pdf/${name}`));

describe("readPdf", () => {
  it("reads a printed report's headings and paragraphs with their page numbers", async () => {
    const doc = await readPdf(fixture("border-report.pdf"));
    const blocks = doc.blocks.map((b) => [b.kind, b.page, doc.text.slice(b.start, b.end)]);
    expect(blocks[0]).toEqual(["heading", 1, "Border Security Report"]);
    expect(blocks).toContainEqual(["paragraph", 1, "Analysts counted 140 shipments seized in the first quarter, up from 95 a year earlier."]);
    expect(blocks).toContainEqual(["paragraph", 2, "Officials did not rule out further deployments in the spring. “We will do what is necessary,” the minister said."]);
    expect(blocks.at(-1)).toEqual(["paragraph", 3, "Trade between the two countries fell by 3.5 percent in the year to June."]);
    expect(doc).toMatchObject({ format: "pdf", title: "Border report" });
  });

  it("refuses a scanned PDF, a damaged one and a file that is no PDF, with what to do", async () => {
    await expect(readPdf(fixture("scanned.pdf"))).rejects.toMatchObject({ code: "no_text_layer", message: expect.stringContaining("OCR") });
    const damaged = fixture("border-report.pdf").slice(0, 2000);
    await expect(readPdf(damaged)).rejects.toMatchObject({ code: "unreadable" });
    await expect(readPdf(new TextEncoder().encode("hello"))).rejects.toMatchObject({ code: "unreadable" });
  });
});

describe("readDocumentInput with PDFs", () => {
  it("reads an uploaded PDF by its content, whatever its name says", async () => {
    const read = await readDocumentInput({ from: "file", filename: "report.bin", bytes: fixture("border-report.pdf") });
    expect(read.text.format).toBe("pdf");
    expect(read.suggestedTitle).toBe("Border report");
  });

  it("says plainly when an uploaded PDF is a scan", async () => {
    await expect(readDocumentInput({ from: "file", filename: "scan.pdf", bytes: fixture("scanned.pdf"), contentType: "application/pdf" })).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringContaining("no text layer"),
    });
  });
});
