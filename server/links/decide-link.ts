// Accepts a link with a verdict, rejects it, or returns it to the suggestions.
import type { z } from "zod";
import { recordActivity } from "../activity/record-activity.ts";
import type { Db } from "../db.ts";
import type { LinkView } from "../dossiers/get-dossier-or-throw.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../http/parse-input.ts";
import { decideLinkSchema, idSchema } from "./link-schemas.ts";
import { linkViewFields, loadLinkView, placeOfVersion } from "./present-link.ts";
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
    // The link's state and where it sits, in one read (a verdict is the most frequent write).
    const found = await tx.$queryRaw<{ state: string; verdict: string | null; dossierId: string; workspaceId: string }[]>`
      SELECT l."state"::text AS "state", l."verdict"::text AS "verdict", c."dossierId", d."workspaceId"
      FROM "Link" l
      JOIN "Claim" c ON c."id" = l."claimId"
      JOIN "Dossier" d ON d."id" = c."dossierId"
      WHERE l."id" = ${linkId}`;
    const before = found[0];
    if (!before) throw new AppError("not_found", "No such link.");
    const grant = await authorizeDossier(tx, input.actor, before.dossierId, "link.write");
    const nextVerdict = state === "accepted" ? (verdict ?? "supports") : null;
    // The change and the link as it now is, in one statement.
    const [after] = await tx.link.updateManyAndReturn({
      where: { id: linkId, revision },
      data: { state, verdict: nextVerdict, revision: { increment: 1 } },
      select: { ...linkViewFields, claimId: true },
    });
    if (!after) {
      throw new AppError("conflict", "Someone changed this link meanwhile; it has been reloaded.", { link: await loadLinkView(tx, linkId) });
    }
    await recordActivity(tx, {
      workspaceId: before.workspaceId,
      dossierId: before.dossierId,
      actorId: grant.userId,
      action: `link.${state === "accepted" ? "accepted" : state === "rejected" ? "rejected" : "reopened"}`,
      entityType: "link",
      entityId: linkId,
      before: { state: before.state, verdict: before.verdict },
      after: { state, verdict: nextVerdict },
    });
    return { ...after, ...(await placeOfVersion(tx, after.versionId)) };
  });
}
