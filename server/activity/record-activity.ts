// Writes one entry of the activity log, inside the transaction of the change it records.
import type { Prisma } from "../generated/prisma/client.ts";
import type { Tx } from "../db.ts";
import { notifyDossier } from "../live/notify-dossier.ts";

/** One change: who did what to which entity, with its state before and after. */
export interface ActivityEntry {
  workspaceId: string;
  dossierId?: string | null;
  actorId?: string | null;
  /** Verb in the past, namespaced by entity: "document.added", "link.accepted"… */
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Records `entry` through `tx`, so the log and the change commit or fail together. A change to a
 * dossier is also announced on the live channel, delivered to every app instance on commit.
 */
export async function recordActivity(tx: Tx, entry: ActivityEntry): Promise<void> {
  await tx.activity.create({
    data: {
      workspaceId: entry.workspaceId,
      dossierId: entry.dossierId ?? null,
      actorId: entry.actorId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
  if (entry.dossierId) {
    await notifyDossier(tx, {
      type: "change",
      dossierId: entry.dossierId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      actorId: entry.actorId ?? null,
    });
  }
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined || value === null ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}
