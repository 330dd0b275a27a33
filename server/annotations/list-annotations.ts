// Lists a dossier's annotation threads in document order, with their replies, filtered.
import type { z } from "zod";
import type { RichTextNode } from "@/core/rich-text/rich-text-node.ts";
import type { Db } from "../db.ts";
import { parseInput } from "../http/parse-input.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeDossier } from "../policies/authorize.ts";
import { annotationIdSchema, listAnnotationsSchema } from "./annotation-schemas.ts";

/** One annotation as the side panel shows it. */
export interface AnnotationView {
  id: string;
  body: RichTextNode;
  bodyText: string;
  author: { id: string; name: string } | null;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  revision: number;
}

/** A thread: what it is about, its first annotation, and its replies. */
export interface ThreadView extends AnnotationView {
  target: "span" | "claim" | "link";
  claimId: string | null;
  linkId: string | null;
  /** For span threads: where, and whether the anchor still holds. */
  span: { documentId: string; versionId: string; start: number; end: number; exact: string; anchorStatus: string } | null;
  resolved: boolean;
  tags: string[];
  replies: AnnotationView[];
}

const annotationFields = {
  id: true,
  body: true,
  bodyText: true,
  author: { select: { id: true, name: true } },
  createdAt: true,
  editedAt: true,
  deleted: true,
  revision: true,
} as const;

/**
 * Threads of the dossier: span threads by document (briefing first, then sources in order) and
 * offset, then claim and link threads by claim order. Orphaned span threads are listed too,
 * with their last known text.
 */
export async function listAnnotations(
  db: Db,
  input: { dossierId: string; filter?: z.input<typeof listAnnotationsSchema>; actor: Actor },
): Promise<ThreadView[]> {
  const dossierId = parseInput(annotationIdSchema, input.dossierId);
  const { status, tag, authorId } = parseInput(listAnnotationsSchema, input.filter ?? {});
  await authorizeDossier(db, input.actor, dossierId, "dossier.read");
  const rows = await db.annotation.findMany({
    where: {
      dossierId,
      parentId: null,
      ...(status === "all" ? {} : { resolved: status === "resolved" }),
      ...(tag ? { tags: { has: tag } } : {}),
      ...(authorId ? { OR: [{ authorId }, { replies: { some: { authorId } } }] } : {}),
    },
    select: {
      ...annotationFields,
      target: true,
      claimId: true,
      linkId: true,
      versionId: true,
      start: true,
      end: true,
      exact: true,
      anchorStatus: true,
      resolved: true,
      tags: true,
      version: { select: { document: { select: { id: true, kind: true, position: true } } } },
      claim: { select: { order: true } },
      link: { select: { claim: { select: { order: true } } } },
      replies: { orderBy: { createdAt: "asc" }, select: annotationFields },
    },
  });
  const key = (r: (typeof rows)[number]): [number, number, number] => {
    if (r.version) {
      const doc = r.version.document;
      return [0, doc.kind === "briefing" ? -1 : doc.position, r.start ?? 0];
    }
    return [1, r.claim?.order ?? r.link?.claim.order ?? 0, 0];
  };
  rows.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || a.createdAt.getTime() - b.createdAt.getTime();
  });
  return rows.map((r) => ({
    ...present(r),
    target: r.target,
    claimId: r.claimId,
    linkId: r.linkId,
    span:
      r.target === "span" && r.version && r.versionId !== null && r.start !== null && r.end !== null
        ? { documentId: r.version.document.id, versionId: r.versionId, start: r.start, end: r.end, exact: r.exact ?? "", anchorStatus: r.anchorStatus ?? "anchored" }
        : null,
    resolved: r.resolved,
    tags: r.tags,
    replies: r.replies.map(present),
  }));
}

function present(r: {
  id: string;
  body: unknown;
  bodyText: string;
  author: { id: string; name: string } | null;
  createdAt: Date;
  editedAt: Date | null;
  deleted: boolean;
  revision: number;
}): AnnotationView {
  return {
    id: r.id,
    body: r.body as RichTextNode,
    bodyText: r.bodyText,
    author: r.author,
    createdAt: r.createdAt.toISOString(),
    editedAt: r.editedAt?.toISOString() ?? null,
    deleted: r.deleted,
    revision: r.revision,
  };
}
