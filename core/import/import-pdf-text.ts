// Rebuilds headings and paragraphs, page by page, from the positioned text runs of a PDF's text layer.
import type { TextDocument } from "../text/types.ts";
import { buildTextDocument } from "./build-text-document.ts";
import type { DraftBlock } from "./draft-block.ts";
import { ImportError } from "./import-error.ts";

/** One run of text as a PDF's text layer gives it: its baseline position and size in page units. */
export interface PdfTextRun {
  text: string;
  /** Left edge and baseline (y grows upwards, as in PDF). */
  x: number;
  y: number;
  width: number;
  /** Font size. */
  height: number;
  /** The run ends its line. */
  endOfLine?: boolean;
}

/** The text runs of one page, in reading order. */
export interface PdfPageText {
  runs: PdfTextRun[];
}

/** How lines are grouped; named so the choices can be read and tested. */
export const PDF_LAYOUT = {
  /** Two runs are on one line when their baselines differ by less than this share of the font size. */
  sameLine: 0.5,
  /** A gap wider than this share of the font size between runs of one line is a space. */
  wordGap: 0.15,
  /** A baseline step larger than this multiple of the usual line step starts a new paragraph. */
  paragraphStep: 1.4,
  /** A line whose font is at least this multiple of the body size is a heading. */
  headingSize: 1.25,
};

interface Line {
  text: string;
  y: number;
  size: number;
}

/**
 * The canonical document of a PDF's text layer. Lines are rebuilt from runs on one baseline;
 * paragraphs end at a larger step between baselines, a change to a heading size, or a page
 * break (so every block lies on one page and carries its `page` number); a word hyphenated at a
 * line end before a lowercase letter is joined again. Headings are ranked by size. Throws
 * `ImportError("no_text_layer")` when no page has text (a scanned PDF).
 */
export function importPdfText(pages: readonly PdfPageText[], title?: string): TextDocument {
  const pageLines = pages.map((page) => toLines(page.runs));
  const sizes = new Map<number, number>();
  for (const lines of pageLines) for (const line of lines) sizes.set(line.size, (sizes.get(line.size) ?? 0) + line.text.length);
  if (sizes.size === 0) {
    throw new ImportError(
      "no_text_layer",
      pages.length === 0
        ? "This PDF has no pages."
        : "This PDF has no text layer: it looks scanned. Run it through text recognition (OCR) first, or paste its text.",
    );
  }
  const body = [...sizes].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
  const headingSizes = [...sizes.keys()].filter((s) => s >= body * PDF_LAYOUT.headingSize).sort((a, b) => b - a);
  const levelOf = (size: number) => Math.min(6, headingSizes.indexOf(size) + 1);
  const usualStep = usualLineStep(pageLines, body);

  const drafts: DraftBlock[] = [];
  pageLines.forEach((lines, index) => {
    let current: (DraftBlock & { lastY: number; size: number }) | null = null;
    for (const line of lines) {
      const heading = line.size >= body * PDF_LAYOUT.headingSize;
      const step = current ? current.lastY - line.y : 0;
      const continues =
        current !== null &&
        (current.kind === "heading") === heading &&
        (!heading || current.size === line.size) &&
        step > 0 &&
        step <= Math.max(usualStep, line.size) * PDF_LAYOUT.paragraphStep;
      if (current && continues) {
        current.text = joinLines(current.text, line.text);
        current.lastY = line.y;
        continue;
      }
      current = { kind: heading ? "heading" : "paragraph", text: line.text, page: index + 1, lastY: line.y, size: line.size };
      if (heading) current.level = levelOf(line.size);
      drafts.push(current);
    }
  });
  return buildTextDocument(
    drafts.map(({ kind, level, text, page }) => (level === undefined ? { kind, text, page } : { kind, level, text, page })),
    "pdf",
    title,
  );
}

/** Runs on one baseline become one line; blank lines are dropped. */
function toLines(runs: readonly PdfTextRun[]): Line[] {
  const lines: Line[] = [];
  let current: (Line & { right: number; sizes: Map<number, number>; ended: boolean }) | null = null;
  const finish = () => {
    if (current && current.text.trim()) {
      const size = [...current.sizes].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
      lines.push({ text: current.text, y: current.y, size });
    }
  };
  for (const run of runs) {
    const size = Math.round(Math.abs(run.height) * 10) / 10;
    const sameLine =
      current !== null && !current.ended && Math.abs(current.y - run.y) < Math.max(size, current.size, 1) * PDF_LAYOUT.sameLine;
    if (!sameLine) {
      finish();
      current = { text: "", y: run.y, size, right: run.x, sizes: new Map(), ended: false };
    }
    const line = current!;
    if (run.text) {
      const gap = run.x - line.right;
      if (line.text && !/\s$/.test(line.text) && !/^\s/.test(run.text) && gap > Math.max(size, 1) * PDF_LAYOUT.wordGap) line.text += " ";
      line.text += run.text;
      line.right = run.x + run.width;
      if (run.text.trim()) {
        line.sizes.set(size, (line.sizes.get(size) ?? 0) + run.text.length);
        line.size = Math.max(line.size, size);
      }
    }
    if (run.endOfLine) line.ended = true;
  }
  finish();
  return lines.map((l) => ({ ...l, text: l.text.trim() }));
}

/** The commonest step between consecutive body lines, the font size when there is none. */
function usualLineStep(pageLines: readonly Line[][], body: number): number {
  const steps = new Map<number, number>();
  for (const lines of pageLines) {
    for (let i = 1; i < lines.length; i++) {
      if (lines[i].size !== body || lines[i - 1].size !== body) continue;
      const step = Math.round((lines[i - 1].y - lines[i].y) * 2) / 2;
      if (step > 0) steps.set(step, (steps.get(step) ?? 0) + 1);
    }
  }
  const best = [...steps].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  return best ? best[0] : body * 1.2;
}

/** Joins a wrapped line to its paragraph: a line-end hyphen before a lowercase letter is a broken word. */
function joinLines(before: string, after: string): string {
  if (/\p{L}-$/u.test(before) && /^\p{Ll}/u.test(after)) return before.slice(0, -1) + after;
  return `${before} ${after}`;
}
