// Writes a dossier's links and notes as a W3C Web Annotation collection (JSON-LD).
import { describe } from "../anchoring/describe.ts";
import { linkWords } from "./state-words.ts";
import type { DossierExport, ExportAnnotation, ExportClaim, ExportDocument, ExportLink, ExportSpan } from "./dossier-export.ts";
import {
  ANNOTATION_CONTEXT,
  documentIri,
  uuidUrn,
  type AnnotationCollection,
  type AssessingBody,
  type ClaimResource,
  type SpanResource,
  type TextualBody,
  type WebAnnotation,
} from "./web-annotation.ts";

/**
 * The dossier as an `AnnotationCollection`: each link an `assessing` Annotation whose target is
 * the source span and whose body holds the claim (its text, and its span of the briefing) and
 * the verdict, state and score; each note a `commenting` Annotation on its span, claim or link,
 * each reply a `replying` one on its thread. Spans carry a TextQuoteSelector and a
 * TextPositionSelector and the hash of the version they point into.
 *
 * @throws {RangeError} when a link, claim or note refers to something the dossier does not hold.
 */
export function toWebAnnotations(dossier: DossierExport): AnnotationCollection {
  const documents = new Map(dossier.documents.map((d) => [d.id, d]));
  const claims = new Map(dossier.claims.map((c) => [c.id, c]));
  const documentOf = (id: string): ExportDocument => {
    const document = documents.get(id);
    if (!document) throw new RangeError(`No document ${id} in the dossier`);
    return document;
  };
  const claimOf = (id: string): ExportClaim => {
    const claim = claims.get(id);
    if (!claim) throw new RangeError(`No live claim ${id} in the dossier`);
    return claim;
  };
  const spanResource = (span: ExportSpan): SpanResource => ({
    type: "SpecificResource",
    source: documentIri(documentOf(span.documentId), span.contentHash),
    "attest:contentHash": span.contentHash,
    selector: [
      { type: "TextQuoteSelector", exact: span.exact, prefix: span.prefix, suffix: span.suffix },
      { type: "TextPositionSelector", start: span.start, end: span.end },
    ],
  });
  const claimResource = (claim: ExportClaim): SpanResource => {
    const briefing = documentOf(claim.documentId);
    const [quote, position] = describe(briefing.text, claim.start, claim.end);
    return spanResource({ documentId: briefing.id, contentHash: briefing.contentHash, ...quote, ...position });
  };

  const items: WebAnnotation[] = [
    ...dossier.links.map((link) => linkAnnotation(link, claimOf(link.claimId), claimResource, spanResource)),
    ...dossier.annotations.map((note) => noteAnnotation(note, claimOf, claimResource, spanResource)),
  ];
  return {
    "@context": ANNOTATION_CONTEXT,
    id: uuidUrn(dossier.id),
    type: "AnnotationCollection",
    label: dossier.title,
    total: items.length,
    "attest:documents": dossier.documents.map((d) => ({
      id: documentIri(d, d.contentHash),
      type: "Text",
      title: d.title,
      "attest:kind": d.kind,
      "attest:contentHash": d.contentHash,
      "attest:version": d.versionNumber,
    })),
    first: { type: "AnnotationPage", startIndex: 0, items },
  };
}

function linkAnnotation(
  link: ExportLink,
  claim: ExportClaim,
  claimResource: (claim: ExportClaim) => SpanResource,
  spanResource: (span: ExportSpan) => SpanResource,
): WebAnnotation {
  const claimText: TextualBody = { type: "TextualBody", purpose: "describing", value: claim.text, format: "text/plain" };
  const claimSpan: ClaimResource = { ...claimResource(claim), purpose: "identifying" };
  const assessment: AssessingBody = {
    type: "TextualBody",
    purpose: "assessing",
    value: linkWords(link),
    format: "text/plain",
    "attest:state": link.state,
    "attest:verdict": link.verdict,
    "attest:score": link.score,
    "attest:origin": link.origin,
    "attest:rank": link.rank,
    "attest:anchorStatus": link.anchorStatus,
  };
  return {
    "@context": ANNOTATION_CONTEXT,
    id: uuidUrn(link.id),
    type: "Annotation",
    motivation: "assessing",
    created: link.createdAt,
    modified: link.updatedAt,
    ...(link.creator ? { creator: { type: "Person" as const, name: link.creator } } : {}),
    body: [claimText, claimSpan, assessment],
    target: spanResource(link),
  };
}

function noteAnnotation(
  note: ExportAnnotation,
  claimOf: (id: string) => ExportClaim,
  claimResource: (claim: ExportClaim) => SpanResource,
  spanResource: (span: ExportSpan) => SpanResource,
): WebAnnotation {
  let target: WebAnnotation["target"];
  let on: NonNullable<WebAnnotation["attest:target"]>;
  if (note.parentId) {
    target = uuidUrn(note.parentId);
    on = "reply";
  } else if (note.target === "span") {
    if (!note.span) throw new RangeError(`Span note ${note.id} has no span`);
    target = spanResource(note.span);
    on = "span";
  } else if (note.target === "claim") {
    if (!note.claimId) throw new RangeError(`Claim note ${note.id} has no claim`);
    target = claimResource(claimOf(note.claimId));
    on = "claim";
  } else {
    if (!note.linkId) throw new RangeError(`Link note ${note.id} has no link`);
    target = uuidUrn(note.linkId);
    on = "link";
  }
  const text: TextualBody = { type: "TextualBody", purpose: note.parentId ? "replying" : "commenting", value: note.bodyText, format: "text/plain", "attest:richText": note.body };
  const tags: TextualBody[] = note.tags.map((tag) => ({ type: "TextualBody", purpose: "tagging", value: tag }));
  return {
    "@context": ANNOTATION_CONTEXT,
    id: uuidUrn(note.id),
    type: "Annotation",
    motivation: note.parentId ? "replying" : "commenting",
    created: note.createdAt,
    modified: note.updatedAt,
    ...(note.creator ? { creator: { type: "Person" as const, name: note.creator } } : {}),
    body: [text, ...tags],
    target,
    "attest:target": on,
    ...(note.parentId ? {} : { "attest:resolved": note.resolved }),
    ...(note.deleted ? { "attest:deleted": true } : {}),
  };
}
