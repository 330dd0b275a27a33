// The W3C Web Annotation shapes Attest writes and reads (https://www.w3.org/TR/annotation-model/).
import type { TextPositionSelector, TextQuoteSelector } from "../anchoring/types.ts";
import type { RichTextNode } from "../rich-text/rich-text-node.ts";

/** The Web Annotation JSON-LD context. */
export const ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

// Attest's own values ride along as `attest:`-prefixed properties: `attest` is no prefix the
// context defines, so JSON-LD reads each as an absolute IRI and keeps it, and tools that do not
// know them ignore them.

/** A span of a document: its address, the hash of the version the offsets point into, and selectors. */
export interface SpanResource {
  type: "SpecificResource";
  /** The document's URL, or `urn:hash::sha256:<hex>` of the version when it has none. */
  source: string;
  "attest:contentHash": string;
  selector: [TextQuoteSelector, TextPositionSelector];
}

/** A plain-text body, optionally with a purpose (W3C motivations). */
export interface TextualBody {
  type: "TextualBody";
  value: string;
  format?: "text/plain";
  purpose?: "describing" | "assessing" | "tagging" | "commenting" | "replying";
  /** The note as Tiptap JSON, when the body is an Attest note. */
  "attest:richText"?: RichTextNode;
}

/** The body that says how a span bears on a claim. */
export interface AssessingBody extends TextualBody {
  purpose: "assessing";
  "attest:state": "suggested" | "accepted";
  "attest:verdict": "supports" | "partial" | "contradicts" | null;
  "attest:score": number | null;
  "attest:origin": "suggested" | "manual";
  "attest:rank": number | null;
  "attest:anchorStatus": "anchored" | "changed" | "orphaned";
}

/** The claim a link backs, as a span of the briefing. */
export interface ClaimResource extends SpanResource {
  purpose: "identifying";
}

/** Who wrote an annotation. */
export interface Creator {
  type: "Person";
  name: string;
}

/** One Web Annotation: a link from a claim to a span, or a note on a span, a claim, a link or a thread. */
export interface WebAnnotation {
  "@context": typeof ANNOTATION_CONTEXT;
  /** `urn:uuid:<id>`. */
  id: string;
  type: "Annotation";
  motivation: "assessing" | "commenting" | "replying";
  created: string;
  modified: string;
  creator?: Creator;
  body: (TextualBody | AssessingBody | ClaimResource)[];
  /** A span, or the id of the annotation (link or thread) it is about. */
  target: SpanResource | string;
  /** What a note is about in Attest's terms. */
  "attest:target"?: "span" | "claim" | "link" | "reply";
  "attest:resolved"?: boolean;
  "attest:deleted"?: boolean;
}

/** A document the collection's annotations point into. */
export interface DocumentEntry {
  id: string;
  type: "Text";
  title: string;
  "attest:kind": "source" | "briefing";
  "attest:contentHash": string;
  "attest:version": number;
}

/** A dossier's annotations as one collection, all on its first page. */
export interface AnnotationCollection {
  "@context": typeof ANNOTATION_CONTEXT;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  "attest:documents": DocumentEntry[];
  first: { type: "AnnotationPage"; startIndex: 0; items: WebAnnotation[] };
}

/** The address a span's `source` gets: the document's http(s) URL, else a URN of the version's hash. */
export function documentIri(document: { originUrl: string | null }, contentHash: string): string {
  if (document.originUrl && /^https?:\/\//i.test(document.originUrl)) return document.originUrl;
  return hashUrn(contentHash);
}

/** `sha256:<hex>` → `urn:hash::sha256:<hex>` (the form of the "hash" URN namespace draft). */
export function hashUrn(contentHash: string): string {
  return `urn:hash::${contentHash}`;
}

/** `urn:uuid:<id>` for a database id. */
export function uuidUrn(id: string): string {
  return `urn:uuid:${id}`;
}
