// The live message that tells a dossier's readers a job of it moved (queued, a batch stored, finished).
import type { DossierChange } from "../live/live-message.ts";

/** A change on the live channel for the job: readers read the dossier and its jobs again. */
export function jobMessage(dossierId: string, jobId: string, action: "job.queued" | "job.progress" | "job.finished" | "job.cancelled" | "job.failed"): DossierChange {
  return { type: "change", dossierId, action, entityType: "job", entityId: jobId, actorId: null };
}
