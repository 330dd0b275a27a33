// Accepts a link with a verdict, rejects it, or returns it to the suggestions.
import type { z } from "zod";
import { recordActivity } from "../activity/record-activity.ts";
import type { Db } from "../db.ts";
import type { LinkView } from "../dossiers/get-dossier-or-throw.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../http/parse-input.ts";
import { decideLinkSchema, idSchema } from "./link-schemas.ts";
import { loadLinkView } from "./present-link.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeDossier } from "../policies/authorize.ts";

/**
 * Records a reviewer's decision on a link, if the link is still at the revision the reviewer saw
 * (else `conflict`, with the current link in the details).
 */
export async function decideLink(
  db: Db,
  input: { linkId: string; decision: z.input<typeof decideLinkSchema>; actor: Actor },
): Promise<LinkView> {
  const linkId = parseInput(idSchema, input.linkId);
  const { state, verdict, revision } = parseInput(decideLinkSchema, input.decision);
  return db.$transaction(async (tx) => {
    const before = await tx.link.findUnique({
      where: { id: linkId },
      select: { state: true, verdict: true, revision: true, claim: { select: { dossierId: true, dossier: { select: { workspaceId: true } } } } },
    });
    if (!before) throw new AppError("not_found", "No such link.");
    const grant = await authorizeDossier(tx, input.actor, before.claim.dossierId, "link.write");
    const nextVerdict = state === "accepted" ? (verdict ?? "supports") : null;
    const { count } = await tx.link.updateMany({
      where: { id: linkId, revision },
      data: { state, verdict: nextVerdict, revision: { increment: 1 } },
    });
    if (count === 0) {
      throw new AppError("conflict", "Someone changed this link meanwhile; it has been reloaded.", { link: await loadLinkView(tx, linkId) });
    }
    await recordActivity(tx, {
      workspaceId: before.claim.dossier.workspaceId,
      dossierId: before.claim.dossierId,
      actorId: grant.userId,
      action: `link.${state === "accepted" ? "accepted" : state === "rejected" ? "rejected" : "reopened"}`,
      entityType: "link",
      entityId: linkId,
      before: { state: before.state, verdict: before.verdict },
      after: { state, verdict: nextVerdict },
    });
    return loadLinkView(tx, linkId);
  });
}
