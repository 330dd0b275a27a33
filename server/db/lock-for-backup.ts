// Takes a PGlite folder's lock for a backup or restore, refusing a folder a running app holds.
import { BackupError } from "./backup-error.ts";
import { lockFolder } from "./folder-lock.ts";
import { StartupError } from "./startup-error.ts";

/** Locks `dataDir` (see `lockFolder`); a folder held by another process throws a `BackupError`. */
export function lockForBackup(dataDir: string, verb: "back up" | "restore into"): () => void {
  try {
    return lockFolder(dataDir);
  } catch (error) {
    if (!(error instanceof StartupError)) throw error;
    throw new BackupError(`cannot ${verb} ${dataDir}: ${error.message}`, "stop the app using this folder first, then try again", { cause: error });
  }
}
