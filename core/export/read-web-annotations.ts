// Reads a W3C Web Annotation export (Attest's, or a Hypothesis-style list) into links and notes to place.
import { z } from "zod";
import type { RichTextNode } from "../rich-text/rich-text-node.ts";

/** A span as an annotation states it: where (address, version hash) and its selectors. */
export interface SpanReference {
  source: string;
  contentHash: string | null;
  exact: string;
  prefix: string;
  suffix: string;
  /** The stored position, a hint for anchoring; null when the annotation has none. */
  start: number | null;
  end: number | null;
}

/** A link read from an export: the claim (as a span of the briefing), the source span, and the judgement. */
export interface ImportedLink {
  id: string;
  claim: SpanReference;
  target: SpanReference;
  state: "suggested" | "accepted";
  verdict: "supports" | "partial" | "contradicts" | null;
  score: number | null;
  rank: number | null;
  origin: "suggested" | "manual";
  creator: string | null;
  created: string | null;
}

/** A note read from an export, with what it is about. */
export interface ImportedNote {
  id: string;
  on: "span" | "claim" | "link" | "reply";
  /** The span (for span notes) or the claim's span of the briefing (for claim notes). */
  span: SpanReference | null;
  /** The id of the link or thread it is about (for link notes and replies). */
  about: string | null;
  text: string;
  /** The note as Tiptap JSON, when the export carried it. */
  richText: RichTextNode | null;
  tags: string[];
  resolved: boolean;
  deleted: boolean;
  creator: string | null;
  created: string | null;
}

/** A document the export lists. */
export interface ImportedDocument {
  source: string;
  title: string;
  kind: "source" | "briefing" | null;
  contentHash: string | null;
}

/** Everything an export holds that can be placed in a dossier. */
export interface WebAnnotationImport {
  documents: ImportedDocument[];
  links: ImportedLink[];
  notes: ImportedNote[];
}

const quoteSelector = z.object({ type: z.literal("TextQuoteSelector"), exact: z.string().min(1), prefix: z.string().default(""), suffix: z.string().default("") });
const positionSelector = z.object({ type: z.literal("TextPositionSelector"), start: z.int().min(0), end: z.int().min(0) });
const anySelector = z.looseObject({ type: z.string() });

const spanResource = z.looseObject({
  source: z.string().min(1),
  "attest:contentHash": z.string().optional(),
  selector: z.union([anySelector, z.array(anySelector)]),
});

const textualBody = z.looseObject({
  type: z.literal("TextualBody"),
  value: z.string(),
  purpose: z.string().optional(),
  "attest:richText": z.unknown().optional(),
  "attest:state": z.enum(["suggested", "accepted"]).optional(),
  "attest:verdict": z.enum(["supports", "partial", "contradicts"]).nullish(),
  "attest:score": z.number().min(0).max(1).nullish(),
  "attest:rank": z.int().min(0).nullish(),
  "attest:origin": z.enum(["suggested", "manual"]).optional(),
});

const annotation = z.looseObject({
  id: z.string().min(1).optional(),
  type: z.union([z.literal("Annotation"), z.array(z.string()).refine((t) => t.includes("Annotation"), "not an Annotation")]),
  motivation: z.union([z.string(), z.array(z.string())]).optional(),
  created: z.string().optional(),
  creator: z.union([z.string(), z.looseObject({ name: z.string().optional(), nickname: z.string().optional() })]).optional(),
  body: z.union([z.unknown(), z.array(z.unknown())]).optional(),
  target: z.union([z.string(), spanResource, z.array(z.union([z.string(), spanResource])).min(1)]),
  "attest:target": z.enum(["span", "claim", "link", "reply"]).optional(),
  "attest:resolved": z.boolean().optional(),
  "attest:deleted": z.boolean().optional(),
});

const documentEntry = z.looseObject({
  id: z.string(),
  title: z.string().default(""),
  "attest:kind": z.enum(["source", "briefing"]).optional(),
  "attest:contentHash": z.string().optional(),
});

/** Largest number of annotations one import takes. */
export const MAX_IMPORTED_ANNOTATIONS = 50_000;

/**
 * Reads an `AnnotationCollection` (items on its `first` page), an `AnnotationPage`, an array of
 * Annotations or a single one. Links are the Annotations whose body holds an `identifying` span
 * (the claim) and an `assessing` body; every other Annotation on a span is a note on that span.
 *
 * @throws {RangeError} naming the first thing that is not a Web Annotation Attest can read.
 */
export function readWebAnnotations(json: unknown): WebAnnotationImport {
  const { items, documents } = unwrap(json);
  if (items.length > MAX_IMPORTED_ANNOTATIONS) throw new RangeError(`The file holds ${items.length} annotations; the limit is ${MAX_IMPORTED_ANNOTATIONS}.`);
  const result: WebAnnotationImport = { documents, links: [], notes: [] };
  items.forEach((item, index) => {
    const parsed = annotation.safeParse(item);
    if (!parsed.success) throw new RangeError(`Annotation ${index + 1}: ${describeIssue(parsed.error)}`);
    const a = parsed.data;
    const id = a.id ?? `#${index + 1}`;
    type Body = { kind: "text"; body: z.infer<typeof textualBody> } | { kind: "span"; body: z.infer<typeof spanResource> };
    const bodies = (Array.isArray(a.body) ? a.body : a.body === undefined ? [] : [a.body]).flatMap((b): Body[] => {
      const text = textualBody.safeParse(b);
      if (text.success) return [{ kind: "text", body: text.data }];
      const span = spanResource.safeParse(b);
      if (span.success) return [{ kind: "span", body: span.data }];
      return [];
    });
    const creator = typeof a.creator === "string" ? null : (a.creator?.name ?? a.creator?.nickname ?? null);
    const target = Array.isArray(a.target) ? a.target[0] : a.target;
    const claimSpan = bodies.flatMap((b) => (b.kind === "span" ? [b.body] : []))[0];
    const texts = bodies.flatMap((b) => (b.kind === "text" ? [b.body] : []));
    const assessment = texts.find((b) => b.purpose === "assessing");
    const where = `Annotation ${index + 1} (${id})`;

    if (claimSpan && assessment && typeof target !== "string") {
      result.links.push({
        id,
        claim: readSpan(claimSpan, `${where}, its claim`),
        target: readSpan(target, `${where}, its target`),
        state: assessment["attest:state"] ?? "accepted",
        verdict: (assessment["attest:state"] ?? "accepted") === "accepted" ? (assessment["attest:verdict"] ?? "supports") : null,
        score: assessment["attest:score"] ?? null,
        rank: assessment["attest:rank"] ?? null,
        origin: assessment["attest:origin"] ?? "manual",
        creator,
        created: a.created ?? null,
      });
      return;
    }
    const main = texts.find((b) => b.purpose !== "tagging");
    const on = a["attest:target"] ?? (typeof target === "string" ? "reply" : "span");
    if ((on === "span" || on === "claim") && typeof target === "string") throw new RangeError(`${where}: a ${on} note needs a span target`);
    if ((on === "link" || on === "reply") && typeof target !== "string") throw new RangeError(`${where}: a ${on} note targets another annotation's id`);
    result.notes.push({
      id,
      on,
      span: typeof target === "string" ? null : readSpan(target, where),
      about: typeof target === "string" ? target : null,
      text: main?.value ?? "",
      richText: (main?.["attest:richText"] as RichTextNode | undefined) ?? null,
      tags: texts.filter((b) => b.purpose === "tagging").map((b) => b.value),
      resolved: a["attest:resolved"] ?? false,
      deleted: a["attest:deleted"] ?? false,
      creator,
      created: a.created ?? null,
    });
  });
  return result;
}

function unwrap(json: unknown): { items: unknown[]; documents: ImportedDocument[] } {
  if (Array.isArray(json)) return { items: json, documents: [] };
  if (!json || typeof json !== "object") throw new RangeError("The file is not a Web Annotation collection, page or list.");
  const object = json as Record<string, unknown>;
  const type = object.type;
  const documents = z.array(documentEntry).safeParse(object["attest:documents"] ?? []);
  if (!documents.success) throw new RangeError(`attest:documents: ${describeIssue(documents.error)}`);
  const listed = documents.data.map((d) => ({ source: d.id, title: d.title, kind: d["attest:kind"] ?? null, contentHash: d["attest:contentHash"] ?? null }));
  if (type === "AnnotationCollection") {
    const first = object.first as Record<string, unknown> | undefined;
    if (!first || typeof first !== "object") {
      if (object.total === 0) return { items: [], documents: listed };
      throw new RangeError("The collection has no first page of items (only embedded pages can be imported).");
    }
    if (!Array.isArray(first.items)) throw new RangeError("The collection's first page has no items.");
    if (first.next) throw new RangeError("The collection spans several pages; only a one-page collection can be imported.");
    return { items: first.items, documents: listed };
  }
  if (type === "AnnotationPage") {
    if (!Array.isArray(object.items)) throw new RangeError("The page has no items.");
    return { items: object.items, documents: listed };
  }
  if (type === "Annotation") return { items: [json], documents: [] };
  throw new RangeError("The file is not a Web Annotation collection, page or list.");
}

function readSpan(resource: z.infer<typeof spanResource>, where: string): SpanReference {
  const selectors = Array.isArray(resource.selector) ? resource.selector : [resource.selector];
  const quote = selectors.map((s) => quoteSelector.safeParse(s)).find((s) => s.success)?.data;
  if (!quote) throw new RangeError(`${where}: no TextQuoteSelector with the quoted text`);
  const position = selectors.map((s) => positionSelector.safeParse(s)).find((s) => s.success)?.data;
  const valid = position && position.start < position.end;
  return {
    source: resource.source,
    contentHash: resource["attest:contentHash"] ?? null,
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    start: valid ? position.start : null,
    end: valid ? position.end : null,
  };
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}`;
}
