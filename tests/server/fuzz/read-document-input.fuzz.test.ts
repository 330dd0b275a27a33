// Properties of reading a document input (pasted text, a file, an address) under hostile input:
// only AppError is thrown, and a document or title that comes out is safe to store.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors/app-error.ts";
import { FetchError } from "@/server/import/fetch-error.ts";
import type { fetchUrl } from "@/server/import/fetch-url.ts";
import { readDocumentInput, type ReadInput } from "@/server/documents/read-document-input.ts";
import { titleFromFilename } from "@/server/documents/title-from-filename.ts";
import { expectWellFormed } from "../../core/fuzz/document-checks.ts";
import { hostileText } from "../../core/fuzz/text-arbitraries.ts";

const RUNS = { numRuns: 200 };

/** File names with path tricks, NULs, controls, odd extensions and excessive length. */
const trickyFilename = fc.oneof(
  fc.constantFrom(
    "../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd", "C:\\boot.ini", "a\0.txt", "\0", "note.txt\0.pdf",
    "..", ".", "", " ", ".txt", "x".repeat(255), "x".repeat(256), `${"y".repeat(10_000)}.md`, "%2e%2e%2fetc%2fpasswd",
    "CON", "file\u202etxt.exe", "a\nb.html", "\ud800.md", "<script>alert(1)</script>.html", "report.PDF", "x.tar.gz",
  ),
  hostileText.map((t) => t.slice(0, 300)),
  fc.tuple(hostileText, fc.constantFrom(".txt", ".md", ".html", ".pdf", "")).map(([name, ext]) => `../${name}${ext}`),
);

/** Bytes: random, valid UTF-8 of hostile text, or text with broken sequences. */
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  hostileText.map((t) => new TextEncoder().encode(t)),
  fc.tuple(hostileText, fc.uint8Array({ maxLength: 4 })).map(([t, junk]) => new Uint8Array([...new TextEncoder().encode(t), ...junk])),
  fc.constant(new TextEncoder().encode("%PDF-1.7\nnot really a pdf")),
);

/** A fetch stand-in that answers with hostile bytes, or refuses, without any network. */
const fakeFetch = (page: Uint8Array, contentType: string, refuse: boolean): typeof fetchUrl => async (url) => {
  if (refuse) throw new FetchError("blocked_address", "refused");
  return { bytes: page, contentType, finalUrl: new URL(url).href };
};

const CONTROL = /[\p{Cc}\p{Cs}]/u;

/** Reads the input; an AppError with code invalid_input or too_large is an accepted answer. */
async function readOrRefuse(raw: unknown, fetch?: typeof fetchUrl): Promise<ReadInput | null> {
  try {
    return await readDocumentInput(raw as Parameters<typeof readDocumentInput>[0], { fetch });
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect(["invalid_input", "too_large"]).toContain((error as AppError).code);
    return null;
  }
}

function expectStorable(read: ReadInput): void {
  expectWellFormed(read.text);
  if (read.suggestedTitle !== null) {
    expect(read.suggestedTitle).not.toMatch(CONTROL);
    expect(read.suggestedTitle.trim()).not.toBe("");
  }
}

describe("readDocumentInput under hostile input", () => {
  it("files: any name, any bytes, any content type", async () => {
    await fc.assert(
      fc.asyncProperty(trickyFilename, bytes, fc.option(fc.constantFrom("text/plain", "text/html", "application/pdf", "image/png", "\0"), { nil: undefined }), async (filename, data, contentType) => {
        const read = await readOrRefuse({ from: "file", filename, bytes: data, contentType });
        if (read) {
          expectStorable(read);
          if (!read.text.title && read.suggestedTitle) expect(read.suggestedTitle).not.toMatch(/[\\/]/);
        }
      }),
      RUNS,
    );
  });

  it("pasted text in every format", async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, fc.constantFrom("text", "markdown", "html", "pdf", undefined, 7), async (text, format) => {
        const read = await readOrRefuse({ from: "text", text, format });
        if (read) expectStorable(read);
      }),
      RUNS,
    );
  });

  it("addresses, with the page's bytes and type hostile too", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.webUrl(), hostileText, fc.constantFrom("file:///etc/passwd", "javascript:alert(1)", "http://[::1]/", `http://x/${"a".repeat(3000)}`)),
        bytes,
        fc.constantFrom("text/html", "text/plain; charset=utf-8", "application/pdf", "text/markdown"),
        fc.boolean(),
        async (url, page, contentType, refuse) => {
          const read = await readOrRefuse({ from: "url", url }, fakeFetch(page, contentType, refuse));
          if (read) expectStorable(read);
        },
      ),
      RUNS,
    );
  });

  it("any JSON value at all", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const read = await readOrRefuse(value, fakeFetch(new Uint8Array(), "text/plain", true));
        if (read) expectStorable(read);
      }),
      RUNS,
    );
  });
});

describe("titleFromFilename", () => {
  it.each([
    ["../../etc/passwd", "passwd"],
    ["..\\..\\windows\\win.ini", "win"],
    ["C:\\Users\\me\\Report 2024.pdf", "Report 2024"],
    ["a\0b.txt", "ab"],
    ["tab\there.md", "tab here"],
    ["\ud800.md", null],
    ["dir/", null],
    ["Notes.txt", "Notes"],
  ])("titles %j as %j", (filename, title) => {
    expect(titleFromFilename(filename)).toBe(title);
  });
});
