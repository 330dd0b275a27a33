// Which handler runs a one-off job of each kind.
import { importJob } from "../documents/import-job.ts";
import { AppError } from "../errors/app-error.ts";
import { exportJob } from "../exports/export-job.ts";
import type { TaskHandler } from "./run-task-job.ts";

const HANDLERS: Record<string, TaskHandler> = { import: importJob, export: exportJob };

/** The handler of `kind`; an unknown kind is a job that fails at once. */
export function taskHandlerOf(kind: string): TaskHandler {
  return HANDLERS[kind] ?? (async () => {
    throw new AppError("invalid_input", `No job runs "${kind}".`);
  });
}
