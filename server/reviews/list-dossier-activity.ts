// Pages through a dossier's activity feed, newest first.
import type { z } from "zod";
import type { Db } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../http/parse-input.ts";
import { ACTIVITY_SELECT, presentActivity, type ActivityView } from "./present-activity.ts";
import { activityPageSchema, idSchema } from "./review-schemas.ts";
import { authorizeDossier, userActor } from "../policies/authorize.ts";

/** One page of the feed. */
export interface ActivityPage {
  items: ActivityView[];
  /** Pass it back for the next (older) page; null on the last one. */
  nextCursor: string | null;
}

/**
 * The dossier's activity, newest first (ties by id), `limit` entries a page after `cursor`.
 * Review verdicts are hidden as in `getClaimHistory`. The cursor is the last entry's time and id,
 * so entries written meanwhile never shift a page. A malformed cursor is `invalid_input`.
 */
export async function listDossierActivity(
  db: Db,
  input: { dossierId: string; page?: z.input<typeof activityPageSchema>; actorId: string; asOwner?: boolean },
): Promise<ActivityPage> {
  const grant = await authorizeDossier(db, userActor(input.actorId), input.dossierId, "dossier.read");
  const dossierId = parseInput(idSchema, input.dossierId);
  const actorId = parseInput(idSchema, input.actorId);
  const { cursor, limit } = parseInput(activityPageSchema, input.page ?? {});
  const after = cursor === undefined ? null : decodeCursor(cursor);
  return db.$transaction(async (tx) => {
    const dossier = await tx.dossier.findUnique({ where: { id: dossierId }, select: { id: true } });
    if (!dossier) throw new AppError("not_found", "No such dossier.");
    const rows = await tx.activity.findMany({
      where: { dossierId, ...(after ? { OR: [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }] } : {}) },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: limit + 1,
      select: ACTIVITY_SELECT,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await presentActivity(tx, page, { actorId, asOwner: Boolean(input.asOwner) && grant.role === "owner" }),
      nextCursor: rows.length > limit && last ? encodeCursor(last.at, last.id) : null,
    };
  });
}

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString("base64url");
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    const date = new Date(at as string);
    if (typeof at === "string" && typeof id === "string" && !Number.isNaN(date.getTime())) return { at: date, id };
  } catch {
    // Falls through to the refusal below.
  }
  throw new AppError("invalid_input", "cursor: not a cursor of this feed.");
}
