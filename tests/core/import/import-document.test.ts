// Specification of importing an input of any supported format, and of refusing bad input.
import { describe, expect, it } from "vitest";
import { importDocument, type ImportInput } from "@/core/import/import-document.ts";
import { ImportError } from "@/core/import/import-error.ts";
import { detectFormat } from "@/core/import/detect-format.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("importDocument", () => {
  it.each([
    { name: "a NUL byte", input: { bytes: Uint8Array.from([0x41, 0x00, 0x42]) }, code: "binary" },
    { name: "a PNG header", input: { bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) }, code: "binary" },
    { name: "many control characters", input: { text: "a\u0001b\u0002c\u0003d" }, code: "binary" },
    { name: "a NUL in text", input: { text: "ab\u0000" }, code: "binary" },
    { name: "invalid UTF-8", input: { bytes: Uint8Array.from([0x48, 0xc3, 0x28]) }, code: "invalid_utf8" },
    { name: "Latin-1 bytes", input: { bytes: Uint8Array.from([0x63, 0x61, 0x66, 0xe9]) }, code: "invalid_utf8" },
    { name: "whitespace only", input: { text: " \n\t\r\n\u3000" }, code: "empty" },
    { name: "a BOM only", input: { bytes: Uint8Array.from([0xef, 0xbb, 0xbf, 0x20]) }, code: "empty" },
    { name: "HTML with nothing shown", input: { text: "<script>alert(1)</script><style>x{}</style>", format: "html" }, code: "empty" },
    { name: "nothing at all", input: {}, code: "empty" },
    { name: "a PDF", input: { text: "%PDF-1.7", contentType: "application/pdf" }, code: "unsupported_format" },
    { name: "a format without importer", input: { text: "x", format: "pdf" }, code: "unsupported_format" },
    { name: "a Word file name", input: { text: "x", filename: "report.docx" }, code: "unsupported_format" },
    { name: "an image content type", input: { text: "x", contentType: "image/png" }, code: "unsupported_format" },
  ] as { name: string; input: ImportInput; code: string }[])("refuses $name with code $code", ({ input, code }) => {
    const error = (() => {
      try {
        importDocument(input);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe(code);
    expect((error as ImportError).message.length).toBeGreaterThan(10);
  });

  it.each([
    { name: "bytes", input: { bytes: utf8("x".repeat(11)) } },
    { name: "text, counted in UTF-8 bytes", input: { text: "é".repeat(6) } },
  ])("refuses $name beyond the size limit", ({ input }) => {
    expect(() => importDocument(input, { maxBytes: 10 })).toThrow(expect.objectContaining({ code: "too_large" }));
  });

  it("strips a BOM and decodes UTF-8", () => {
    const doc = importDocument({ bytes: Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8("Café\n\nBody.")]) });
    expect(doc.text).toBe("Café\n\nBody.");
    expect(doc.format).toBe("text");
  });

  it("strips a few stray control characters from otherwise good text", () => {
    expect(importDocument({ text: "Title\n\nSome text with a bell\u0007 inside it. " + "Plenty of ordinary text. ".repeat(10) }).text).not.toContain("\u0007");
  });

  it.each([
    { name: "an explicit format", input: { text: "# x", format: "markdown", contentType: "text/html" }, format: "markdown" },
    { name: "a content type with parameters", input: { text: "<p>x</p>", contentType: "text/html; charset=utf-8" }, format: "html" },
    { name: "XHTML", input: { text: "<p>x</p>", contentType: "application/xhtml+xml" }, format: "html" },
    { name: "a Markdown file name", input: { text: "# x", filename: "notes.MD" }, format: "markdown" },
    { name: "a text file name", input: { text: "<p>x</p>", filename: "a.txt" }, format: "text" },
    { name: "an HTML page without hints", input: { text: "  <!DOCTYPE html><p>x</p>" }, format: "html" },
    { name: "plain text without hints", input: { text: "x <b>" }, format: "text" },
    { name: "an octet-stream type with a file name", input: { text: "# x", contentType: "application/octet-stream", filename: "a.md" }, format: "markdown" },
  ] as { name: string; input: ImportInput; format: string }[])("reads $name as $format", ({ input, format }) => {
    expect(importDocument(input).format).toBe(format);
    expect(detectFormat(input, input.text ?? "")).toBe(format);
  });

  it("gives the same document for the same input, however its lines end", () => {
    const text = "Title\n\nA paragraph.\n\n• item one\n• item two\n";
    const a = importDocument({ text });
    const b = importDocument({ bytes: utf8(text.replace(/\n/g, "\r\n")) });
    expect(b).toEqual(a);
    expect(a.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
