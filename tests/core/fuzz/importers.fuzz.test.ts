// Properties of every text importer under hostile input: only ImportError is ever thrown, the
// text holds no NUL or lone surrogate, every span lies inside it, and plain text keeps every
// non-space character in order.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importDocument } from "@/core/import/import-document.ts";
import { importHtml } from "@/core/import/import-html.ts";
import { importMarkdown } from "@/core/import/import-markdown.ts";
import { importPlainText } from "@/core/import/import-plain-text.ts";
import type { TextDocument } from "@/core/text/types.ts";
import { expectWellFormed, importOrRefuse } from "./document-checks.ts";
import { hostileText } from "./text-arbitraries.ts";

const RUNS = { numRuns: 500 };

const IMPORTERS: [string, (text: string) => TextDocument][] = [
  ["importPlainText", importPlainText],
  ["importMarkdown", importMarkdown],
  ["importHtml", importHtml],
  ["importDocument as text", (text) => importDocument({ text })],
  ["importDocument as Markdown", (text) => importDocument({ text, format: "markdown" })],
  ["importDocument as HTML", (text) => importDocument({ text, format: "html" })],
];

/** The non-space characters a reader should find again: lone surrogates replaced, then controls removed, NFC. */
function visibleCharacters(text: string): string {
  return text
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g, "")
    .normalize("NFC")
    .replace(/\s+/gu, "");
}

describe.each(IMPORTERS)("%s under hostile text", (_name, run) => {
  it("throws nothing but ImportError and returns well-formed documents", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const doc = importOrRefuse(() => run(text));
        if (doc) expectWellFormed(doc);
      }),
      RUNS,
    );
  });
});

describe("importPlainText keeps the reader's text", () => {
  /** Lines that are not list items (a list marker is markup and is dropped on purpose). */
  const line = hostileText.map((text) => `x${text.replace(/[\r\n\u0085\u2028\u2029]/g, " ")}`);
  const separator = fc.constantFrom("\n", "\r\n", "\n\n", " \n\t", "\u2028", "\n\n\n");

  it("keeps every non-space character of the input, in order", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(line, separator), { minLength: 1, maxLength: 12 }), (parts) => {
        const input = parts.map(([l, s]) => l + s).join("");
        const doc = importPlainText(input);
        expectWellFormed(doc);
        expect(visibleCharacters(doc.text)).toBe(visibleCharacters(input));
      }),
      RUNS,
    );
  });
});

describe("importDocument under arbitrary bytes", () => {
  const hints = fc.record({
    filename: fc.option(fc.constantFrom("a.txt", "a.md", "a.html", "a.htm", "a.pdf", "a.png", "noext", "../../etc/passwd", "a\0.txt", `${"n".repeat(5000)}.md`), { nil: undefined }),
    contentType: fc.option(fc.constantFrom("text/plain", "text/html; charset=utf-8", "text/markdown", "application/pdf", "image/png", "", ";;;"), { nil: undefined }),
  });

  it("throws nothing but ImportError, for random bytes and for UTF-8 with broken sequences", () => {
    const broken = fc.tuple(hostileText, fc.uint8Array({ maxLength: 8 }), hostileText).map(([a, junk, b]) => {
      const enc = new TextEncoder();
      return new Uint8Array([...enc.encode(a), ...junk, ...enc.encode(b)]);
    });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 400 }), broken), hints, (bytes, hint) => {
        const doc = importOrRefuse(() => importDocument({ bytes, ...hint }));
        if (doc) expectWellFormed(doc);
      }),
      RUNS,
    );
  });

  it.each([
    ["a lone high surrogate encoded as UTF-8", [0xed, 0xa0, 0x80]],
    ["an overlong slash", [0xc0, 0xaf]],
    ["a truncated four-byte sequence", [0xf0, 0x9f, 0x98]],
    ["a code point beyond U+10FFFF", [0xf4, 0x90, 0x80, 0x80]],
    ["a stray continuation byte", [0x80]],
  ])("refuses %s as invalid UTF-8", (_what, bytes) => {
    const input = new Uint8Array([...new TextEncoder().encode("Title\n\nText "), ...bytes]);
    expect(() => importDocument({ bytes: input })).toThrow(expect.objectContaining({ name: "ImportError", code: "invalid_utf8" }));
  });
});
