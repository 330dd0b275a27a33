// The export job: writes the dossier to a file kept for a day, which its members can download.
import { z } from "zod";
import { AppError } from "../errors/app-error.ts";
import { writeJobFile } from "../jobs/job-files.ts";
import type { TaskHandler } from "../jobs/run-task-job.ts";
import { renderExport } from "./export-dossier.ts";
import { exportFormatSchema } from "./export-formats.ts";
import { loadDossierExport } from "./load-dossier-export.ts";

/** The steps an export counts: the dossier read, then written. */
export const EXPORT_STEPS = 2;

const payloadSchema = z.object({ format: exportFormatSchema });

/** Reads the dossier and writes it in the job's format; the file is stored with the job's end. */
export const exportJob: TaskHandler = async (db, job, context) => {
  const payload = payloadSchema.safeParse(job.payload);
  if (!payload.success) throw new AppError("invalid_input", "The export job's description is not valid.");
  await context.progress(0, EXPORT_STEPS);
  const dossier = await loadDossierExport(db, job.dossierId);
  await context.progress(1, EXPORT_STEPS);
  const file = renderExport(dossier, payload.data.format);
  const bytes = new TextEncoder().encode(file.body);
  return async (tx) => {
    await writeJobFile(tx, job.id, "output", { filename: file.filename, contentType: file.contentType, bytes });
    return { format: payload.data.format, filename: file.filename, bytes: bytes.length };
  };
};
