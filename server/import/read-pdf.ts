// Reads the text layer of a PDF with PDF.js and rebuilds it as a document, page numbers kept.
import { importPdfText, type PdfPageText } from "@/core/import/import-pdf-text.ts";
import { ImportError } from "@/core/import/import-error.ts";
import type { TextDocument } from "@/core/text/types.ts";

/** Most pages read from one PDF. */
export const MAX_PDF_PAGES = 2_000;

/**
 * The document in `bytes` (a PDF file). Refuses, with `ImportError`, a file that is not a PDF,
 * a damaged or password-protected one, one with more than {@link MAX_PDF_PAGES} pages, and one
 * without a text layer. Fonts are not loaded and scripts in the PDF never run.
 */
export async function readPdf(bytes: Uint8Array): Promise<TextDocument> {
  if (!isPdf(bytes)) throw new ImportError("unreadable", "This file is not a PDF (it does not start with %PDF-).");
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = getDocument({
    // PDF.js takes ownership of the buffer it is given.
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const pdf = await task.promise.catch((error: unknown) => {
      const name = (error as { name?: string } | null)?.name;
      if (name === "PasswordException") throw new ImportError("unreadable", "This PDF is protected by a password: remove the protection and try again.");
      throw new ImportError("unreadable", "This PDF is damaged or not a PDF that can be read.");
    });
    if (pdf.numPages > MAX_PDF_PAGES) throw new ImportError("too_large", `This PDF has ${pdf.numPages} pages; the limit is ${MAX_PDF_PAGES}.`);
    const pages: PdfPageText[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const runs: PdfPageText["runs"] = [];
      for (const item of content.items) {
        if (!("str" in item)) continue;
        const [a, b, , , x, y] = item.transform as number[];
        runs.push({ text: item.str, x, y, width: item.width, height: item.height || Math.hypot(a, b), endOfLine: item.hasEOL });
      }
      pages.push({ runs });
      page.cleanup();
    }
    const info = (await pdf.getMetadata().catch(() => null))?.info as { Title?: unknown } | undefined;
    const title = typeof info?.Title === "string" && info.Title.trim() && !/^about:blank$/i.test(info.Title.trim()) ? info.Title : undefined;
    return importPdfText(pages, title);
  } finally {
    await task.destroy();
  }
}

/** Whether the bytes start like a PDF (the header may follow up to 1 KB of junk). */
export function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  return head.includes("%PDF-");
}
