// The plain data every export format is written from: a dossier's documents, claims, links and notes.
import type { ClaimState } from "../review/claim-state.ts";
import type { RichTextNode } from "../rich-text/rich-text-node.ts";
import type { Block } from "../text/types.ts";

/** A document of the dossier with its latest version. */
export interface ExportDocument {
  id: string;
  kind: "source" | "briefing";
  title: string;
  originUrl: string | null;
  versionId: string;
  versionNumber: number;
  /** `sha256:<hex>` of `text`. */
  contentHash: string;
  text: string;
  /** Headings, paragraphs and list items as offsets into `text`. */
  blocks: Block[];
}

/** A live claim of a briefing, with its place in the briefing's latest version. */
export interface ExportClaim {
  id: string;
  documentId: string;
  start: number;
  end: number;
  text: string;
  section: string | null;
  topic: string | null;
  kind: "statement" | "quote" | "number";
  /** Position in the briefing, 0-based. */
  order: number;
  reviewState: string;
  state: ClaimState;
  support: number | null;
  /** Who last set the claim's review state, and when (ISO 8601), if anyone did. */
  reviewer: string | null;
  reviewedAt: string | null;
}

/** Where a link or a span note points: a document version (by its hash) and selectors into it. */
export interface ExportSpan {
  documentId: string;
  /** `sha256:<hex>` of the version the offsets point into (an older one for orphaned anchors). */
  contentHash: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/** A link from a claim to a source span (rejected links are not exported). */
export interface ExportLink extends ExportSpan {
  id: string;
  claimId: string;
  origin: "suggested" | "manual";
  state: "suggested" | "accepted";
  verdict: "supports" | "partial" | "contradicts" | null;
  score: number | null;
  rank: number | null;
  anchorStatus: "anchored" | "changed" | "orphaned";
  creator: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A note: a thread's first annotation (on a span, a claim or a link) or a reply to one. */
export interface ExportAnnotation {
  id: string;
  target: "span" | "claim" | "link";
  /** For span notes. */
  span: ExportSpan | null;
  claimId: string | null;
  linkId: string | null;
  /** The thread a reply belongs to; null for a thread's first annotation. */
  parentId: string | null;
  body: RichTextNode;
  bodyText: string;
  tags: string[];
  resolved: boolean;
  /** A deleted thread opening kept as a placeholder because replies hang on it (its body is empty). */
  deleted: boolean;
  creator: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A whole dossier as the exports see it. */
export interface DossierExport {
  id: string;
  title: string;
  documents: ExportDocument[];
  /** Live claims in briefing order. */
  claims: ExportClaim[];
  /** Links in claim order, accepted before suggested, best first. */
  links: ExportLink[];
  /** Threads in order, each followed by its replies; deleted replies are not exported. */
  annotations: ExportAnnotation[];
}
