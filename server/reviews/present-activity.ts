// Presents activity log entries with their actors' names, hiding reviewers' verdicts from those
// who have not given their own.
import type { Tx } from "../db.ts";

/** One entry of a history or feed, as it leaves the server. */
export interface ActivityView {
  id: string;
  at: Date;
  action: string;
  entityType: string;
  entityId: string;
  actor: { id: string; name: string } | null;
  before: unknown;
  after: unknown;
  /** True when the entry is a review whose verdict the viewer may not see yet. */
  hidden: boolean;
}

/** An activity row with its actor, as the queries here select it. */
export interface ActivityRow {
  id: string;
  at: Date;
  action: string;
  entityType: string;
  entityId: string;
  actorId: string | null;
  before: unknown;
  after: unknown;
  actor: { id: string; name: string } | null;
}

/** What the queries select of an activity row. */
export const ACTIVITY_SELECT = {
  id: true,
  at: true,
  action: true,
  entityType: true,
  entityId: true,
  actorId: true,
  before: true,
  after: true,
  actor: { select: { id: true, name: true } },
} as const;

/**
 * The rows as views for `viewer`. A review entry keeps only its claim id (and says `hidden`)
 * unless the viewer wrote it, has reviewed that claim too, or reads as the owner: the log must
 * not undo the blindness of two-reviewer mode.
 */
export async function presentActivity(tx: Tx, rows: readonly ActivityRow[], viewer: { actorId: string; asOwner: boolean }): Promise<ActivityView[]> {
  const claimOf = (row: ActivityRow) => {
    const value = (row.after ?? row.before) as { claimId?: unknown } | null;
    return typeof value?.claimId === "string" ? value.claimId : null;
  };
  const reviewClaims = [...new Set(rows.filter((r) => r.entityType === "review").map(claimOf).filter((c): c is string => c !== null))];
  const reviewed = new Set(
    viewer.asOwner || reviewClaims.length === 0
      ? []
      : (await tx.review.findMany({ where: { reviewerId: viewer.actorId, claimId: { in: reviewClaims } }, select: { claimId: true } })).map((r) => r.claimId),
  );
  return rows.map((row) => {
    const claimId = claimOf(row);
    const hidden = row.entityType === "review" && !viewer.asOwner && row.actorId !== viewer.actorId && !(claimId && reviewed.has(claimId));
    return {
      id: row.id,
      at: row.at,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      actor: row.actor,
      before: hidden ? { claimId } : row.before,
      after: hidden ? { claimId } : row.after,
      hidden,
    };
  });
}
