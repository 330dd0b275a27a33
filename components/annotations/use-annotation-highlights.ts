// Draws the open annotated spans over the briefing and sources with the CSS Custom Highlight API, leaving the link marks' markup alone.
import { useEffect } from "react";
import type { ThreadView } from "@/server/annotations/list-annotations.ts";
import { rangeAtOffsets } from "./range-at-offsets.ts";

/** The highlight name styled by `::highlight(annotation)`. */
export const ANNOTATION_HIGHLIGHT = "annotation";

/** A document as shown: its id, the version on screen, and the element its text is rendered in. */
export interface ShownDocument {
  documentId: string;
  versionId: string;
  root: () => Element | null;
}

/**
 * Registers one highlight with a range per open span thread on a shown version (an orphaned or
 * older-version span has no place to draw). Annotated spans are few, so the registry stays cheap;
 * `redraw` changes when the rendered text may have changed.
 */
export function useAnnotationHighlights(threads: readonly ThreadView[] | null, documents: readonly ShownDocument[], redraw: unknown): void {
  useEffect(() => {
    if (typeof CSS === "undefined" || !("highlights" in CSS) || !threads) return;
    const ranges: Range[] = [];
    for (const thread of threads) {
      const span = thread.span;
      if (!span || thread.resolved || thread.deleted || span.anchorStatus === "orphaned") continue;
      const shown = documents.find((d) => d.documentId === span.documentId && d.versionId === span.versionId);
      const root = shown?.root();
      const range = root ? rangeAtOffsets(root, span.start, span.end) : null;
      if (range) ranges.push(range);
    }
    CSS.highlights.set(ANNOTATION_HIGHLIGHT, new Highlight(...ranges));
    return () => void CSS.highlights.delete(ANNOTATION_HIGHLIGHT);
  }, [threads, documents, redraw]);
}
