// Finds the page of a PDF-born source that an exported link's span starts on.
import { pageAt } from "../text/page-at.ts";
import type { ExportDocument, ExportSpan } from "./dossier-export.ts";

/**
 * The 1-based page the span starts on, when it points into its document's latest version and
 * that version came from a PDF; null otherwise (offsets into an older version say nothing about
 * the latest one's pages).
 */
export function linkPage(span: ExportSpan, documents: ReadonlyMap<string, ExportDocument>): number | null {
  const document = documents.get(span.documentId);
  if (!document || document.contentHash !== span.contentHash) return null;
  return pageAt(document.blocks, span.start);
}
