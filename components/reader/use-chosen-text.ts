// Follows the text a reader selects in a source: its offsets into the version shown, and where to float the linking button.
import { useCallback, useEffect, useState } from "react";
import { trimSpan } from "@/core/highlight/trim-span.ts";
import type { DocumentView } from "@/server/dossiers/get-dossier-or-throw.ts";
import { offsetAtPoint } from "./offset-at-point.ts";

/** Text chosen in a source, as offsets into the version shown, and the screen point below its end. */
export interface Chosen {
  documentId: string;
  versionId: string;
  start: number;
  end: number;
  x: number;
  y: number;
}

/**
 * The current choice, a `read` to call after a mouse or key selection inside the sources (their
 * texts are `[data-source-text=<documentId>]`), and `clear`. A collapsed selection clears it.
 */
export function useChosenText(sources: readonly DocumentView[]) {
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const read = useCallback(() => {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !selection.anchorNode || !selection.focusNode) return setChosen(null);
    const element = (n: Node) => (n.nodeType === Node.ELEMENT_NODE ? (n as Element) : n.parentElement);
    const body = element(selection.anchorNode)?.closest<HTMLElement>("[data-source-text]");
    if (!body || body !== element(selection.focusNode)?.closest("[data-source-text]")) return setChosen(null);
    const source = sources.find((s) => s.id === body.dataset.sourceText);
    const a = offsetAtPoint(body, selection.anchorNode, selection.anchorOffset);
    const b = offsetAtPoint(body, selection.focusNode, selection.focusOffset);
    const span = source && a !== null && b !== null ? trimSpan(source.text, a, b) : null;
    if (!source || !span) return setChosen(null);
    const rect = selection.getRangeAt(0).getBoundingClientRect();
    setChosen({ documentId: source.id, versionId: source.versionId, ...span, x: rect.right, y: rect.bottom });
  }, [sources]);
  useEffect(() => {
    const onChange = () => {
      if (window.getSelection()?.isCollapsed) setChosen(null);
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, []);
  const clear = useCallback(() => {
    window.getSelection()?.removeAllRanges();
    setChosen(null);
  }, []);
  return { chosen, read, clear };
}
