// Reads a whole dossier from the database as the plain data every export is written from.
import type { DossierExport, ExportAnnotation, ExportClaim, ExportLink } from "@/core/export/dossier-export.ts";
import { claimState } from "@/core/review/claim-state.ts";
import type { RichTextNode } from "@/core/rich-text/rich-text-node.ts";
import type { Block } from "@/core/text/types.ts";
import type { Tx } from "../db.ts";
import { AppError } from "../errors/app-error.ts";

// The log entries that count as reviewing a claim, for the reviewer and time of the CSV.
const CLAIM_REVIEW_ACTIONS = ["claim.review_state_set", "claim.adjudicated"];
const LINK_REVIEW_ACTIONS = ["link.accepted", "link.created"];

/**
 * The dossier's documents (latest versions), live claims, links that are not rejected, and
 * annotation threads. Deleted replies are left out, and so is a deleted thread with no reply
 * left; notes on retired claims or rejected links are left out with them. Call after authorising.
 */
export async function loadDossierExport(tx: Tx, dossierId: string): Promise<DossierExport & { slug: string }> {
  const dossier = await tx.dossier.findUnique({
    where: { id: dossierId },
    select: {
      id: true,
      title: true,
      slug: true,
      documents: {
        orderBy: [{ kind: "asc" }, { position: "asc" }],
        select: {
          id: true,
          kind: true,
          title: true,
          originUrl: true,
          versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, text: true, blocks: true, contentHash: true } },
        },
      },
      claims: {
        where: { retiredAt: null },
        orderBy: { order: "asc" },
        select: {
          id: true,
          documentId: true,
          start: true,
          end: true,
          text: true,
          section: true,
          topic: true,
          kind: true,
          order: true,
          reviewState: true,
          support: true,
          suggestedVerdict: true,
          links: {
            where: { state: { not: "rejected" } },
            select: {
              id: true,
              exact: true,
              prefix: true,
              suffix: true,
              start: true,
              end: true,
              origin: true,
              state: true,
              verdict: true,
              score: true,
              rank: true,
              anchorStatus: true,
              createdAt: true,
              updatedAt: true,
              createdBy: { select: { name: true } },
              version: { select: { documentId: true, contentHash: true } },
            },
          },
        },
      },
      annotations: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          target: true,
          exact: true,
          prefix: true,
          suffix: true,
          start: true,
          end: true,
          claimId: true,
          linkId: true,
          parentId: true,
          body: true,
          bodyText: true,
          tags: true,
          resolved: true,
          deleted: true,
          createdAt: true,
          updatedAt: true,
          author: { select: { name: true } },
          version: { select: { documentId: true, contentHash: true } },
        },
      },
    },
  });
  if (!dossier) throw new AppError("not_found", "No such dossier.");

  const documents = dossier.documents.flatMap((d) => {
    const version = d.versions[0];
    if (!version) return [];
    return [
      {
        id: d.id,
        kind: d.kind,
        title: d.title,
        originUrl: d.originUrl,
        versionId: version.id,
        versionNumber: version.number,
        contentHash: version.contentHash,
        text: version.text,
        blocks: version.blocks as unknown as Block[],
      },
    ];
  });

  const links: ExportLink[] = [];
  const claimOfLink = new Map<string, string>();
  for (const claim of dossier.claims) {
    const own = [...claim.links].sort(
      (a, b) => stateOrder(a.state) - stateOrder(b.state) || (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.createdAt.getTime() - b.createdAt.getTime(),
    );
    for (const link of own) {
      claimOfLink.set(link.id, claim.id);
      links.push({
        id: link.id,
        claimId: claim.id,
        documentId: link.version.documentId,
        contentHash: link.version.contentHash,
        exact: link.exact,
        prefix: link.prefix,
        suffix: link.suffix,
        start: link.start,
        end: link.end,
        origin: link.origin,
        state: link.state as "suggested" | "accepted",
        verdict: link.verdict,
        score: link.score,
        rank: link.rank,
        anchorStatus: link.anchorStatus,
        creator: link.createdBy?.name ?? null,
        createdAt: link.createdAt.toISOString(),
        updatedAt: link.updatedAt.toISOString(),
      });
    }
  }

  const reviews = await lastReviews(tx, dossier.id, claimOfLink);
  const claims: ExportClaim[] = dossier.claims.map(({ links: claimLinks, suggestedVerdict, ...claim }) => ({
    ...claim,
    state: claimState({ reviewState: claim.reviewState, suggestedVerdict, links: claimLinks }),
    reviewer: reviews.get(claim.id)?.name ?? null,
    reviewedAt: reviews.get(claim.id)?.at.toISOString() ?? null,
  }));

  return { id: dossier.id, title: dossier.title, slug: dossier.slug, documents, claims, links, annotations: exportedAnnotations(dossier.annotations, new Set(claims.map((c) => c.id)), claimOfLink) };
}

type AnnotationRow = {
  id: string;
  target: "span" | "claim" | "link";
  exact: string | null;
  prefix: string | null;
  suffix: string | null;
  start: number | null;
  end: number | null;
  claimId: string | null;
  linkId: string | null;
  parentId: string | null;
  body: unknown;
  bodyText: string;
  tags: string[];
  resolved: boolean;
  deleted: boolean;
  createdAt: Date;
  updatedAt: Date;
  author: { name: string } | null;
  version: { documentId: string; contentHash: string } | null;
};

/** Threads in order of creation, each followed by its live replies. */
function exportedAnnotations(rows: AnnotationRow[], liveClaims: Set<string>, exportedLinks: Map<string, string>): ExportAnnotation[] {
  const replies = new Map<string, AnnotationRow[]>();
  for (const row of rows) {
    if (row.parentId && !row.deleted) replies.set(row.parentId, [...(replies.get(row.parentId) ?? []), row]);
  }
  const present = (row: AnnotationRow, parentId: string | null): ExportAnnotation => ({
    id: row.id,
    target: row.target,
    span:
      row.target === "span" && row.version && row.exact !== null && row.start !== null && row.end !== null
        ? { documentId: row.version.documentId, contentHash: row.version.contentHash, exact: row.exact, prefix: row.prefix ?? "", suffix: row.suffix ?? "", start: row.start, end: row.end }
        : null,
    claimId: row.claimId,
    linkId: row.linkId,
    parentId,
    body: row.body as RichTextNode,
    bodyText: row.bodyText,
    tags: row.tags,
    resolved: row.resolved,
    deleted: row.deleted,
    creator: row.author?.name ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  });
  const out: ExportAnnotation[] = [];
  for (const row of rows) {
    if (row.parentId) continue;
    const own = replies.get(row.id) ?? [];
    if (row.deleted && own.length === 0) continue;
    const placed =
      (row.target === "span" && row.version && row.exact !== null) ||
      (row.target === "claim" && row.claimId !== null && liveClaims.has(row.claimId)) ||
      (row.target === "link" && row.linkId !== null && exportedLinks.has(row.linkId));
    if (!placed) continue;
    out.push(present(row, null), ...own.map((reply) => present(reply, row.id)));
  }
  return out;
}

/** Per claim, who last reviewed it (set its review state, or accepted or made one of its links) and when. */
async function lastReviews(tx: Tx, dossierId: string, claimOfLink: Map<string, string>): Promise<Map<string, { name: string; at: Date }>> {
  const rows = await tx.activity.findMany({
    where: {
      dossierId,
      OR: [
        { entityType: "claim", action: { in: CLAIM_REVIEW_ACTIONS } },
        { entityType: "link", action: { in: LINK_REVIEW_ACTIONS } },
      ],
      actorId: { not: null },
    },
    orderBy: { at: "asc" },
    select: { entityType: true, entityId: true, at: true, actor: { select: { name: true } } },
  });
  const last = new Map<string, { name: string; at: Date }>();
  for (const row of rows) {
    const claimId = row.entityType === "claim" ? row.entityId : claimOfLink.get(row.entityId);
    if (claimId && row.actor) last.set(claimId, { name: row.actor.name, at: row.at });
  }
  return last;
}

function stateOrder(state: string): number {
  return state === "accepted" ? 0 : 1;
}
