// The part of a one-statement write that logs its change and notifies the dossier's readers, only when a row changed.
import { randomUUID } from "node:crypto";
import { Prisma } from "../generated/prisma/client.ts";
import { LIVE_CHANNEL } from "../live/live-message.ts";

/** What the activity entry and the live message say; the `Sql` parts are columns of the statement's own tables. */
export interface LoggedChange {
  /** The relations the values are read from: one row when something changed, none when nothing did (then nothing is logged). */
  from: Prisma.Sql;
  workspaceId: Prisma.Sql;
  dossierId: Prisma.Sql;
  entityId: Prisma.Sql;
  /** The state before, as a `jsonb` expression. */
  before: Prisma.Sql;
  actorId: string | null;
  action: string;
  entityType: string;
  /** The state after. */
  after: unknown;
}

/**
 * Two CTEs, `logged` (the activity entry, as `recordActivity` writes it) and `notified` (the live
 * message, as `notifyDossier` sends it), for a statement whose main query reads `notified` (a
 * CTE that is not read does not run): `(SELECT count(*) FROM notified)`. Both come from the rows
 * of `from`, so a statement that changed nothing logs and notifies nothing; the notification is
 * delivered when the statement commits.
 */
export function logChangeSql(change: LoggedChange): Prisma.Sql {
  return Prisma.sql`logged AS (
      INSERT INTO "Activity" ("id", "workspaceId", "dossierId", "actorId", "action", "entityType", "entityId", "before", "after")
      SELECT ${randomUUID()}, ${change.workspaceId}, ${change.dossierId}, ${change.actorId}, ${change.action}, ${change.entityType},
        ${change.entityId}, ${change.before}, ${JSON.stringify(change.after)}::jsonb
      FROM ${change.from}
      RETURNING "dossierId", "entityId"
    ), notified AS (
      SELECT pg_notify(${LIVE_CHANNEL}, json_build_object('type', 'change', 'dossierId', logged."dossierId", 'action', ${change.action}::text,
        'entityType', ${change.entityType}::text, 'entityId', logged."entityId", 'actorId', ${change.actorId}::text)::text)
      FROM logged
      WHERE logged."dossierId" IS NOT NULL
    )`;
}
