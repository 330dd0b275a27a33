// Finds where imported links and notes belong in a dossier: the document, the claim, and the span, anchored by quote and position.
import { anchor } from "../anchoring/anchor.ts";
import { reanchorAll } from "../anchoring/reanchor-all.ts";
import type { AnchorResult, Selector } from "../anchoring/types.ts";
import type { RichTextNode } from "../rich-text/rich-text-node.ts";
import type { ImportedDocument, ImportedLink, SpanReference, WebAnnotationImport } from "./read-web-annotations.ts";

/** A document of the dossier the import goes into: its latest version, and the hashes of all its versions. */
export interface PlacementDocument {
  id: string;
  kind: "source" | "briefing";
  title: string;
  originUrl: string | null;
  versionId: string;
  text: string;
  /** `sha256:<hex>` of every version of the document, the latest included. */
  hashes: string[];
  /**
   * Earlier versions the import points into, with their texts: spans in them are carried to the
   * latest version through a diff of the two texts (fast, and surer than searching).
   */
  earlier?: { contentHash: string; text: string }[];
}

/** A live claim of the dossier the import goes into. */
export interface PlacementClaim {
  id: string;
  documentId: string;
  start: number;
  end: number;
  text: string;
}

/** A span found in the latest version of a document. */
export interface PlacedSpan {
  documentId: string;
  versionId: string;
  start: number;
  end: number;
  /** `changed` when the text there differs from the exported quote (kept in `previousExact`). */
  status: "anchored" | "changed";
  previousExact: string | null;
}

/** An imported link with its claim and span found: the imported link's judgement, placed. */
export interface PlacedLink extends Omit<ImportedLink, "id" | "claim" | "target"> {
  importId: string;
  claimId: string;
  span: PlacedSpan;
}

/** An imported note with what it is about found. */
export interface PlacedNote {
  importId: string;
  on: "span" | "claim" | "link" | "reply";
  span: PlacedSpan | null;
  claimId: string | null;
  /** The import id of the link (for link notes) or the thread (for replies) it hangs on. */
  aboutImportId: string | null;
  text: string;
  richText: RichTextNode | null;
  tags: string[];
  resolved: boolean;
  deleted: boolean;
  creator: string | null;
  created: string | null;
}

/** Something of the import that has no place in this dossier, and why. */
export interface Unplaced {
  id: string;
  what: "link" | "note";
  reason: string;
}

/** Where everything of an import goes, and what could not be placed. */
export interface Placement {
  links: PlacedLink[];
  notes: PlacedNote[];
  unplaced: Unplaced[];
}

/**
 * Places an import in a dossier. A span's document is the one holding a version with the span's
 * hash, else the one at its address, else the one with the title the export lists for it; the
 * span is then anchored in that document's latest version (position, then quote, then a fuzzy
 * quote — see `anchor`), and one that cannot be anchored with confidence is not placed. A link's
 * claim is the live claim at the anchored span of the briefing (or with the same text). Notes on
 * links and replies follow their link or thread.
 */
export function placeWebAnnotations(
  imported: WebAnnotationImport,
  dossier: { documents: PlacementDocument[]; claims: PlacementClaim[] },
): Placement {
  const placement: Placement = { links: [], notes: [], unplaced: [] };
  const carried = carryFromEarlierVersions(imported, dossier.documents);
  const findSpan = (ref: SpanReference, kind: "source" | "briefing" | null): PlacedSpan | string => {
    const document = matchDocument(ref, dossier.documents, imported.documents);
    if (!document) return `no document of this dossier matches ${ref.source}`;
    if (kind && document.kind !== kind) return `“${document.title}” is a ${document.kind}, not a ${kind}`;
    const found = carried.get(ref) ?? anchor(document.text, selectorsOf(ref));
    if (found.status === "orphaned") return `the quoted text “${shorten(ref.exact)}” is not found in “${document.title}”`;
    return {
      documentId: document.id,
      versionId: document.versionId,
      start: found.start,
      end: found.end,
      status: found.status,
      previousExact: found.status === "changed" ? ref.exact : null,
    };
  };
  const findClaim = (ref: SpanReference): string | { claimId: string } => {
    const span = findSpan(ref, "briefing");
    if (typeof span === "string") return span;
    const candidates = dossier.claims.filter((c) => c.documentId === span.documentId);
    const claim =
      candidates.find((c) => c.start === span.start && c.end === span.end) ??
      candidates.filter((c) => c.text === ref.exact).sort((a, b) => Math.abs(a.start - span.start) - Math.abs(b.start - span.start))[0];
    return claim ? { claimId: claim.id } : `no claim of the briefing reads “${shorten(ref.exact)}”`;
  };

  const placedLinks = new Set<string>();
  for (const link of imported.links) {
    const claim = findClaim(link.claim);
    if (typeof claim === "string") {
      placement.unplaced.push({ id: link.id, what: "link", reason: claim });
      continue;
    }
    const span = findSpan(link.target, "source");
    if (typeof span === "string") {
      placement.unplaced.push({ id: link.id, what: "link", reason: span });
      continue;
    }
    placedLinks.add(link.id);
    const { id, claim: _claim, target: _target, ...judgement } = link;
    placement.links.push({ importId: id, claimId: claim.claimId, span, ...judgement });
  }

  const placedThreads = new Set<string>();
  for (const note of imported.notes) {
    const { id, on, span: ref, about, ...content } = note;
    let span: PlacedSpan | null = null;
    let claimId: string | null = null;
    let reason: string | null = null;
    if (on === "span") {
      const found = findSpan(ref!, null);
      if (typeof found === "string") reason = found;
      else span = found;
    } else if (on === "claim") {
      const found = findClaim(ref!);
      if (typeof found === "string") reason = found;
      else claimId = found.claimId;
    } else if (on === "link" && !placedLinks.has(about!)) {
      reason = `the link ${about} it is about was not placed`;
    } else if (on === "reply" && !placedThreads.has(about!)) {
      reason = `the thread ${about} it replies to was not placed`;
    }
    if (reason) {
      placement.unplaced.push({ id, what: "note", reason });
      continue;
    }
    if (on !== "reply") placedThreads.add(id);
    placement.notes.push({ importId: id, on, span, claimId, aboutImportId: on === "link" || on === "reply" ? about : null, ...content });
  }
  return placement;
}

function selectorsOf(ref: SpanReference): Selector[] {
  const selectors: Selector[] = [{ type: "TextQuoteSelector", exact: ref.exact, prefix: ref.prefix, suffix: ref.suffix }];
  if (ref.start !== null && ref.end !== null) selectors.push({ type: "TextPositionSelector", start: ref.start, end: ref.end });
  return selectors;
}

/** Anchors, in one diff per earlier version, every span that points into an earlier version of its document. */
function carryFromEarlierVersions(imported: WebAnnotationImport, documents: PlacementDocument[]): Map<SpanReference, AnchorResult> {
  const refs = [
    ...imported.links.flatMap((l) => [l.claim, l.target]),
    ...imported.notes.flatMap((n) => (n.span ? [n.span] : [])),
  ];
  const groups = new Map<string, { document: PlacementDocument; earlier: string; refs: SpanReference[] }>();
  for (const ref of refs) {
    const document = matchDocument(ref, documents, imported.documents);
    const earlier = document?.earlier?.find((v) => v.contentHash === ref.contentHash);
    if (!document || !earlier) continue;
    const key = `${document.id} ${earlier.contentHash}`;
    const group = groups.get(key) ?? { document, earlier: earlier.text, refs: [] };
    group.refs.push(ref);
    groups.set(key, group);
  }
  const carried = new Map<SpanReference, AnchorResult>();
  for (const { document, earlier, refs: group } of groups.values()) {
    const results = reanchorAll(earlier, document.text, group.map(selectorsOf));
    group.forEach((ref, i) => carried.set(ref, results[i]));
  }
  return carried;
}

function matchDocument(ref: SpanReference, documents: PlacementDocument[], listed: ImportedDocument[]): PlacementDocument | null {
  const hash = ref.contentHash ?? (ref.source.startsWith("urn:hash::") ? ref.source.slice("urn:hash::".length) : null);
  const byHash = hash ? documents.find((d) => d.hashes.includes(hash)) : undefined;
  if (byHash) return byHash;
  const byAddress = documents.find((d) => d.originUrl !== null && d.originUrl === ref.source);
  if (byAddress) return byAddress;
  const entry = listed.find((d) => d.source === ref.source || (hash !== null && d.contentHash === hash));
  if (!entry) return null;
  return documents.find((d) => d.title === entry.title && (entry.kind === null || d.kind === entry.kind)) ?? null;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}
