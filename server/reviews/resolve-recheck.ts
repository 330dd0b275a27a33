// Settles one item of the re-check queue: confirm it on the new text, drop it, or re-link it.
import type { z } from "zod";
import { describe } from "@/core/anchoring/describe.ts";
import { recordActivity } from "../activity/record-activity.ts";
import type { Db, Tx } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../http/parse-input.ts";
import { adjustLink } from "../links/adjust-link.ts";
import type { Actor } from "../policies/actor.ts";
import { idSchema, recheckTargetSchema, resolveRecheckSchema } from "./review-schemas.ts";
import { authorizeDossier, userActor } from "../policies/authorize.ts";

type Resolution = z.output<typeof resolveRecheckSchema>;

/** What the item looks like after the re-check. */
export interface ResolvedRecheck {
  kind: "link" | "annotation";
  id: string;
  revision: number;
  anchorStatus: string;
  /** A link's state; an annotation's thread is `resolved` instead. */
  state?: string;
  resolved?: boolean;
}

/**
 * Applies the reviewer's re-check, if the item is still at the revision they saw (else
 * `conflict`) and still waits for one (else `invalid_input`).
 * - confirm: a changed item is anchored on its new text (an orphan has no text to confirm);
 * - drop: a link is rejected (a changed one stays on its new text, anchored); an annotation
 *   keeps its place and status and its thread is resolved, which takes it off the queue while
 *   the discussion stays readable;
 * - relink: the item points at `[start, end)` of its source's latest version; for a link this
 *   is `adjustLink` (which accepts it).
 */
export async function resolveRecheck(
  db: Db,
  input: { dossierId: string; target: z.input<typeof recheckTargetSchema>; resolution: z.input<typeof resolveRecheckSchema>; actorId: string },
): Promise<ResolvedRecheck> {
  await authorizeDossier(db, userActor(input.actorId), input.dossierId, "link.write");
  const dossierId = parseInput(idSchema, input.dossierId);
  const target = parseInput(recheckTargetSchema, input.target);
  const resolution = parseInput(resolveRecheckSchema, input.resolution);
  if (target.kind === "link") {
    if (resolution.action === "relink") {
      const actor = await db.$transaction(async (tx) => {
        await loadLink(tx, target.linkId, dossierId);
        return actorOf(tx, input.actorId);
      });
      const link = await adjustLink(db, { linkId: target.linkId, span: resolution, actor });
      return { kind: "link", id: link.id, revision: link.revision, anchorStatus: "anchored", state: link.state };
    }
    return db.$transaction((tx) => resolveLink(tx, dossierId, target.linkId, resolution, input.actorId));
  }
  return db.$transaction((tx) => resolveAnnotation(tx, dossierId, target.annotationId, resolution, input.actorId));
}

/** The acting user, as `adjustLink` expects them. */
async function actorOf(tx: Tx, userId: string): Promise<Actor> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { name: true, email: true } });
  if (!user) throw new AppError("not_found", "No such user.");
  return { kind: "user", userId, name: user.name, email: user.email };
}

async function loadLink(tx: Tx, linkId: string, dossierId: string) {
  const link = await tx.link.findUnique({
    where: { id: linkId },
    select: {
      state: true,
      verdict: true,
      anchorStatus: true,
      exact: true,
      previousExact: true,
      revision: true,
      claim: { select: { dossierId: true, dossier: { select: { workspaceId: true } } } },
    },
  });
  if (!link || link.claim.dossierId !== dossierId) throw new AppError("not_found", "No such link in this dossier.");
  const waiting = (link.state === "accepted" && link.anchorStatus !== "anchored") || (link.state === "rejected" && link.anchorStatus === "changed");
  if (!waiting) throw new AppError("invalid_input", "This link has nothing to re-check.");
  return link;
}

async function resolveLink(tx: Tx, dossierId: string, linkId: string, resolution: Resolution, actorId: string): Promise<ResolvedRecheck> {
  const link = await loadLink(tx, linkId, dossierId);
  if (link.revision !== resolution.revision) throw new AppError("conflict", "Someone changed this link meanwhile; reload and try again.");
  if (resolution.action === "confirm" && link.anchorStatus === "orphaned") {
    throw new AppError("invalid_input", "An orphaned link has no text to confirm; re-link or drop it.");
  }
  const anchorStatus = link.anchorStatus === "changed" ? "anchored" : link.anchorStatus;
  const state = resolution.action === "drop" ? "rejected" : link.state;
  const verdict = resolution.action === "drop" ? null : link.verdict;
  const { count } = await tx.link.updateMany({
    where: { id: linkId, revision: resolution.revision },
    data: { anchorStatus, previousExact: null, state, verdict, revision: { increment: 1 } },
  });
  if (count === 0) throw new AppError("conflict", "Someone changed this link meanwhile; reload and try again.");
  await recordActivity(tx, {
    workspaceId: link.claim.dossier.workspaceId,
    dossierId,
    actorId,
    action: resolution.action === "drop" ? "link.recheck_dropped" : "link.recheck_confirmed",
    entityType: "link",
    entityId: linkId,
    before: { state: link.state, verdict: link.verdict, anchorStatus: link.anchorStatus, exact: link.exact, previousExact: link.previousExact },
    after: { state, verdict, anchorStatus, exact: link.exact },
  });
  return { kind: "link", id: linkId, revision: resolution.revision + 1, anchorStatus, state };
}

async function resolveAnnotation(tx: Tx, dossierId: string, annotationId: string, resolution: Resolution, actorId: string): Promise<ResolvedRecheck> {
  const annotation = await tx.annotation.findUnique({
    where: { id: annotationId },
    select: {
      dossierId: true,
      target: true,
      parentId: true,
      deleted: true,
      resolved: true,
      anchorStatus: true,
      exact: true,
      versionId: true,
      start: true,
      end: true,
      revision: true,
      dossier: { select: { workspaceId: true } },
      version: { select: { document: { select: { versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, text: true } } } } } },
    },
  });
  if (!annotation || annotation.dossierId !== dossierId) throw new AppError("not_found", "No such annotation in this dossier.");
  const waiting =
    annotation.target === "span" && !annotation.parentId && !annotation.deleted && !annotation.resolved && annotation.anchorStatus !== "anchored";
  if (!waiting || !annotation.anchorStatus) throw new AppError("invalid_input", "This annotation has nothing to re-check.");
  if (annotation.revision !== resolution.revision) throw new AppError("conflict", "Someone changed this annotation meanwhile; reload and try again.");

  let data: Parameters<Tx["annotation"]["updateMany"]>[0]["data"];
  let after: Record<string, unknown>;
  let action: string;
  let anchorStatus = annotation.anchorStatus;
  let resolved = false;
  switch (resolution.action) {
    case "confirm":
      if (annotation.anchorStatus === "orphaned") throw new AppError("invalid_input", "An orphaned annotation has no text to confirm; re-link or drop it.");
      anchorStatus = "anchored";
      data = { anchorStatus };
      after = { anchorStatus, exact: annotation.exact };
      action = "annotation.recheck_confirmed";
      break;
    case "drop":
      resolved = true;
      data = { resolved };
      after = { anchorStatus, resolved };
      action = "annotation.recheck_dropped";
      break;
    case "relink": {
      const latest = annotation.version?.document.versions[0];
      if (!latest) throw new AppError("not_found", "The annotated document is gone.");
      if (resolution.end > latest.text.length) throw new AppError("invalid_input", "The span runs past the end of the document.");
      const [quote, position] = describe(latest.text, resolution.start, resolution.end);
      anchorStatus = "anchored";
      data = { versionId: latest.id, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: position.start, end: position.end, anchorStatus };
      after = { anchorStatus, versionId: latest.id, start: position.start, end: position.end, exact: quote.exact };
      action = "annotation.relinked";
      break;
    }
  }
  const { count } = await tx.annotation.updateMany({ where: { id: annotationId, revision: resolution.revision }, data: { ...data, revision: { increment: 1 } } });
  if (count === 0) throw new AppError("conflict", "Someone changed this annotation meanwhile; reload and try again.");
  await recordActivity(tx, {
    workspaceId: annotation.dossier.workspaceId,
    dossierId,
    actorId,
    action,
    entityType: "annotation",
    entityId: annotationId,
    before: { anchorStatus: annotation.anchorStatus, resolved: annotation.resolved, versionId: annotation.versionId, start: annotation.start, end: annotation.end, exact: annotation.exact },
    after,
  });
  return { kind: "annotation", id: annotationId, revision: resolution.revision + 1, anchorStatus, resolved };
}
