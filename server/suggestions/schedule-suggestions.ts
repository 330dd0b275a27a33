// Refreshes a dossier's suggestions in the request when the work is small, else queues a background job.
import { randomUUID } from "node:crypto";
import type { Tx } from "../db.ts";
import { jobMessage } from "../jobs/job-message.ts";
import { SUGGESTIONS_QUEUE } from "../jobs/job-settings.ts";
import { processJobQueue } from "../jobs/process-job-queue.ts";
import { sqlInTransaction } from "../jobs/sql-in-transaction.ts";
import type { JobQueue, SuggestionRunData } from "../jobs/start-job-queue.ts";
import { notifyDossier } from "../live/notify-dossier.ts";
import { refreshSuggestions, type RefreshResult } from "./refresh-suggestions.ts";

/** What scheduling did: the refresh's counts when it ran here, or the job that will run it. */
export interface ScheduledSuggestions extends RefreshResult {
  /** The queued job, when the work was over the budget; its counts are then 0 but `claims`. */
  jobId: string | null;
}

/**
 * Refreshes the dossier's suggestions inside the caller's transaction when its live claims ×
 * characters of source text fit the queue's budget (or no queue runs in this process), else
 * queues a job in the same transaction, so it exists only if the change commits. Either way a
 * refresh still queued or running for the dossier is superseded: cancelled, as it works on
 * texts that are no longer the latest. One job per dossier waits in the queue at a time.
 *
 * The job rows are touched after the suggestions: a running job's batch touches its job row
 * last too, so the two never wait for each other's locks in opposite orders.
 */
export async function scheduleSuggestions(tx: Tx, dossierId: string, queue: JobQueue | undefined = processJobQueue()): Promise<ScheduledSuggestions> {
  const claims = await tx.claim.count({ where: { dossierId, retiredAt: null, document: { kind: "briefing" } } });
  const [{ chars }] = await tx.$queryRaw<{ chars: number }[]>`
    SELECT COALESCE(SUM(char_length(v."text")), 0)::int AS chars
    FROM "Document" d
    JOIN LATERAL (SELECT "text" FROM "DocumentVersion" WHERE "documentId" = d.id ORDER BY "number" DESC LIMIT 1) v ON true
    WHERE d."dossierId" = ${dossierId} AND d.kind = 'source'`;
  if (!queue || claims * chars <= queue.syncBudget) {
    const result = await refreshSuggestions(tx, dossierId);
    await supersedeJobs(tx, dossierId, queue, "Replaced by suggestions computed with a newer change.");
    return { ...result, jobId: null };
  }
  await supersedeJobs(tx, dossierId, queue, "Replaced by a newer refresh.");
  const id = randomUUID();
  await tx.job.create({ data: { id, runId: id, dossierId, kind: "suggestions", total: claims } });
  const data: SuggestionRunData = { dossierId, jobId: id };
  const sent = await queue.boss.send(SUGGESTIONS_QUEUE, data, { id, singletonKey: dossierId, ...queue.sendOptions, db: sqlInTransaction(tx) });
  if (sent === null) {
    // Another change queued one a moment ago; it reads the latest texts when it runs.
    await tx.job.delete({ where: { id } });
    return { claims, suggested: 0, unsupported: 0, jobId: null };
  }
  await notifyDossier(tx, jobMessage(dossierId, id, "job.queued"));
  return { claims, suggested: 0, unsupported: 0, jobId: id };
}

async function supersedeJobs(tx: Tx, dossierId: string, queue: JobQueue | undefined, reason: string): Promise<void> {
  const pending = await tx.job.findMany({ where: { dossierId, kind: "suggestions", state: { in: ["queued", "running"] } }, select: { id: true } });
  if (pending.length === 0) return;
  const ids = pending.map((j) => j.id);
  await tx.job.updateMany({ where: { id: { in: ids }, state: { in: ["queued", "running"] } }, data: { state: "cancelled", error: reason, finishedAt: new Date() } });
  // Read once the rows are locked: a run may have handed a job over to a new run just before.
  const runs = await tx.job.findMany({ where: { id: { in: ids } }, select: { runId: true } });
  await queue?.boss.cancel(SUGGESTIONS_QUEUE, runs.map((r) => r.runId), { db: sqlInTransaction(tx) });
  for (const id of ids) await notifyDossier(tx, jobMessage(dossierId, id, "job.cancelled"));
}
