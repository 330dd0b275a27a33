// Sends a live message to every app instance through PostgreSQL's NOTIFY.
import type { Db, Tx } from "../db.ts";
import { LIVE_CHANNEL, type LiveMessage } from "./live-message.ts";

/**
 * Queues `message` on the live channel. Inside a transaction PostgreSQL delivers it only when the
 * transaction commits, and never if it rolls back; outside one, at once.
 */
export async function notifyDossier(db: Db | Tx, message: LiveMessage): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(message)})`;
}
