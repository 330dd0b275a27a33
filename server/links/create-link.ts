// Links a claim by hand to a span of one of its dossier's sources.
import type { z } from "zod";
import { describe } from "@/core/anchoring/describe.ts";
import { recordActivity } from "../activity/record-activity.ts";
import type { Db } from "../db.ts";
import type { LinkView } from "../dossiers/get-dossier-or-throw.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../http/parse-input.ts";
import { createLinkSchema, idSchema } from "./link-schemas.ts";
import { loadLinkView } from "./present-link.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeDossier } from "../policies/authorize.ts";

/**
 * Stores an accepted, manual link from the claim to `[start, end)` of a source version of the
 * same dossier, with its quote and position selectors.
 */
export async function createLink(
  db: Db,
  input: { claimId: string; link: z.input<typeof createLinkSchema>; actor: Actor },
): Promise<LinkView> {
  const claimId = parseInput(idSchema, input.claimId);
  const { versionId, start, end, verdict } = parseInput(createLinkSchema, input.link);
  return db.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({
      where: { id: claimId },
      select: { dossierId: true, retiredAt: true, dossier: { select: { workspaceId: true } } },
    });
    if (!claim || claim.retiredAt) throw new AppError("not_found", "No such claim.");
    const grant = await authorizeDossier(tx, input.actor, claim.dossierId, "link.write");
    const version = await tx.documentVersion.findUnique({
      where: { id: versionId },
      select: { text: true, document: { select: { dossierId: true, kind: true } } },
    });
    if (!version || version.document.dossierId !== claim.dossierId || version.document.kind !== "source") {
      throw new AppError("not_found", "No such source in this dossier.");
    }
    if (end > version.text.length) throw new AppError("invalid_input", "The span runs past the end of the source.");
    const [quote, position] = describe(version.text, start, end);
    if (!quote.exact.trim()) throw new AppError("invalid_input", "A link must cover some text, not only spaces.");
    const link = await tx.link.create({
      data: {
        claimId,
        versionId,
        exact: quote.exact,
        prefix: quote.prefix,
        suffix: quote.suffix,
        start: position.start,
        end: position.end,
        origin: "manual",
        state: "accepted",
        verdict,
        createdById: grant.userId,
      },
    });
    await recordActivity(tx, {
      workspaceId: claim.dossier.workspaceId,
      dossierId: claim.dossierId,
      actorId: grant.userId,
      action: "link.created",
      entityType: "link",
      entityId: link.id,
      after: { claimId, versionId, start, end, exact: quote.exact, verdict },
    });
    return loadLinkView(tx, link.id);
  });
}
