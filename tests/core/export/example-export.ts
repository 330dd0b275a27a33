// The example post and its pasted briefing as a DossierExport: real claims, engine suggestions, some decisions and notes.
import { readFileSync } from "node:fs";
import { alignClaims } from "@/core/alignment/align-claims.ts";
import { describe } from "@/core/anchoring/describe.ts";
import { extractClaims } from "@/core/claims/extract-claims.ts";
import { splitEmbeddedDocument } from "@/core/dossier/split-embedded-document.ts";
import type { DossierExport, ExportAnnotation, ExportDocument, ExportLink } from "@/core/export/dossier-export.ts";
import { importPlainText } from "@/core/import/import-plain-text.ts";
import { claimState } from "@/core/review/claim-state.ts";
import type { RichTextNode } from "@/core/rich-text/rich-text-node.ts";

const post = readFileSync("tests/fixtures/text/seed-post.txt", "utf8");

/** A note body of one paragraph. */
export function noteBody(text: string): RichTextNode {
  return { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
}

/**
 * The example dossier: the post as its source, the briefing with its claims, the engine's best
 * candidate for each of the first eight claims as a link (the first three accepted: supports,
 * partial, contradicts; the others suggested), and notes on a span, a claim and a link, with a reply.
 */
export function exampleExport(): DossierExport {
  const split = splitEmbeddedDocument(post, "Briefing Document:", "Leave a comment")!;
  const sourceText = importPlainText(split.host);
  const briefingText = importPlainText(split.embedded);
  const source: ExportDocument = {
    id: "doc-source",
    kind: "source",
    title: "Fentanyl Crisis: US Military Response and Consequences",
    originUrl: null,
    versionId: "ver-source",
    versionNumber: 1,
    contentHash: sourceText.hash,
    text: sourceText.text,
    blocks: sourceText.blocks,
  };
  const briefing: ExportDocument = {
    id: "doc-briefing",
    kind: "briefing",
    title: "Briefing Document: US-Mexico Relations",
    originUrl: "https://example.org/briefing",
    versionId: "ver-briefing",
    versionNumber: 1,
    contentHash: briefingText.hash,
    text: briefingText.text,
    blocks: briefingText.blocks,
  };
  const extracted = extractClaims(briefingText);
  const alignments = alignClaims({ sources: [{ id: source.id, text: source.text }], claims: extracted.map((c) => ({ id: `claim-${c.order}`, text: c.text })) });
  const links: ExportLink[] = [];
  const verdicts = ["supports", "partial", "contradicts"] as const;
  for (const alignment of alignments) {
    const best = alignment.candidates[0];
    if (links.length >= 8 || !best) continue;
    const [quote, position] = describe(source.text, best.start, best.end);
    const decided = links.length < verdicts.length;
    links.push({
      id: `link-${links.length}`,
      claimId: alignment.id,
      documentId: source.id,
      contentHash: source.contentHash,
      ...quote,
      ...position,
      origin: "suggested",
      state: decided ? "accepted" : "suggested",
      verdict: decided ? verdicts[links.length] : null,
      score: best.score,
      rank: 0,
      anchorStatus: "anchored",
      creator: decided ? "Ana Reviewer" : null,
      createdAt: "2026-11-01T10:00:00.000Z",
      updatedAt: "2026-11-02T10:00:00.000Z",
    });
  }
  const claims = extracted.map((c) => {
    const id = `claim-${c.order}`;
    const alignment = alignments[c.order];
    const own = links.filter((l) => l.claimId === id);
    const reviewState = c.order === 5 ? "verified" : "unreviewed";
    return {
      id,
      documentId: briefing.id,
      start: c.start,
      end: c.end,
      text: c.text,
      section: c.section,
      topic: c.topic,
      kind: c.kind,
      order: c.order,
      reviewState,
      state: claimState({ reviewState, suggestedVerdict: alignment.verdict, links: own }),
      support: alignment.support,
      reviewer: c.order === 5 ? "Ana Reviewer" : null,
      reviewedAt: c.order === 5 ? "2026-11-03T09:30:00.000Z" : null,
    };
  });
  const spanStart = source.text.indexOf("spy planes");
  const [quote, position] = describe(source.text, spanStart, spanStart + "spy planes".length);
  const note = (n: Partial<ExportAnnotation> & Pick<ExportAnnotation, "id" | "target" | "bodyText">): ExportAnnotation => ({
    span: null,
    claimId: null,
    linkId: null,
    parentId: null,
    body: noteBody(n.bodyText),
    tags: [],
    resolved: false,
    deleted: false,
    creator: "Ana Reviewer",
    createdAt: "2026-11-04T08:00:00.000Z",
    updatedAt: "2026-11-04T08:00:00.000Z",
    ...n,
  });
  const annotations: ExportAnnotation[] = [
    note({ id: "note-span", target: "span", bodyText: "Which planes?", span: { documentId: source.id, contentHash: source.contentHash, ...quote, ...position }, tags: ["drugs"] }),
    note({ id: "note-claim", target: "claim", claimId: claims[1].id, bodyText: "Check the date.", resolved: true }),
    note({ id: "note-link", target: "link", linkId: links[0].id, claimId: links[0].claimId, bodyText: "Good passage." }),
    note({ id: "note-reply", target: "link", linkId: links[0].id, claimId: links[0].claimId, parentId: "note-link", bodyText: "Agreed.", creator: "Ben Editor" }),
  ];
  return { id: "dossier-1", title: "Fentanyl Crisis: US Military Response and Consequences", documents: [briefing, source], claims, links, annotations };
}
