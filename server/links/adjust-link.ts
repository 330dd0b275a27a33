// Moves a link's ends to a new span of the latest version of its source.
import type { z } from "zod";
import { describe } from "@/core/anchoring/describe.ts";
import { recordActivity } from "../activity/record-activity.ts";
import type { Db } from "../db.ts";
import type { LinkView } from "../dossiers/get-dossier-or-throw.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../http/parse-input.ts";
import { adjustLinkSchema, idSchema } from "./link-schemas.ts";
import { loadLinkView } from "./present-link.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeDossier } from "../policies/authorize.ts";

/**
 * Re-points the link at `[start, end)` of its source's latest version (which also re-attaches an
 * orphaned link), as an accepted link re-anchored by hand.
 */
export async function adjustLink(
  db: Db,
  input: { linkId: string; span: z.input<typeof adjustLinkSchema>; actor: Actor },
): Promise<LinkView> {
  const linkId = parseInput(idSchema, input.linkId);
  const { start, end, revision } = parseInput(adjustLinkSchema, input.span);
  return db.$transaction(async (tx) => {
    const before = await tx.link.findUnique({
      where: { id: linkId },
      select: {
        start: true,
        end: true,
        exact: true,
        versionId: true,
        state: true,
        verdict: true,
        claim: { select: { dossierId: true, dossier: { select: { workspaceId: true } } } },
        version: { select: { document: { select: { versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, text: true } } } } } },
      },
    });
    if (!before) throw new AppError("not_found", "No such link.");
    const grant = await authorizeDossier(tx, input.actor, before.claim.dossierId, "link.write");
    const latest = before.version.document.versions[0];
    if (end > latest.text.length) throw new AppError("invalid_input", "The span runs past the end of the source.");
    const [quote, position] = describe(latest.text, start, end);
    if (!quote.exact.trim()) throw new AppError("invalid_input", "A link must cover some text, not only spaces.");
    const { count } = await tx.link.updateMany({
      where: { id: linkId, revision },
      data: {
        versionId: latest.id,
        exact: quote.exact,
        prefix: quote.prefix,
        suffix: quote.suffix,
        start: position.start,
        end: position.end,
        anchorStatus: "anchored",
        previousExact: null,
        state: "accepted",
        verdict: before.verdict ?? "supports",
        revision: { increment: 1 },
      },
    });
    if (count === 0) {
      throw new AppError("conflict", "Someone changed this link meanwhile; it has been reloaded.", { link: await loadLinkView(tx, linkId) });
    }
    await recordActivity(tx, {
      workspaceId: before.claim.dossier.workspaceId,
      dossierId: before.claim.dossierId,
      actorId: grant.userId,
      action: "link.adjusted",
      entityType: "link",
      entityId: linkId,
      before: { versionId: before.versionId, start: before.start, end: before.end, exact: before.exact },
      after: { versionId: latest.id, start, end, exact: quote.exact },
    });
    return loadLinkView(tx, linkId);
  });
}
