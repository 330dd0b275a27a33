// The slot on globalThis that holds the process's running job queue, beside its database.
import type { JobQueue } from "./start-job-queue.ts";

// On globalThis for the same reason as the database: the server entry and the bundles Next.js
// builds are separate copies of this module in one process.
const KEY = Symbol.for("attest.jobQueue");
const holder = globalThis as { [KEY]?: JobQueue };

/** The process's job queue, when one runs (the app does; scripts and most tests do not). */
export function processJobQueue(): JobQueue | undefined {
  return holder[KEY];
}

/** Records (or, with `undefined`, forgets) the process's job queue. */
export function setProcessJobQueue(queue: JobQueue | undefined): void {
  if (queue) holder[KEY] = queue;
  else delete holder[KEY];
}
