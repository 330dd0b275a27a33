// An exclusive, process-wide lock on a PGlite folder: PGlite itself has no lock between processes.
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { StartupError } from "./startup-error.ts";

const LOCK_NAME = "attest.lock";
const held = new Map<string, number>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the lock file `attest.lock` (holding this process's PID) in `dir`, creating the folder
 * if needed. A lock left by a dead process is taken over; a lock held by a live one throws a
 * `StartupError` at once. Re-entrant within one process; released on exit.
 */
export function lockFolder(dir: string): () => void {
  const lockPath = path.join(dir, LOCK_NAME);
  const count = held.get(lockPath) ?? 0;
  if (count > 0) {
    held.set(lockPath, count + 1);
    return () => releaseOnce(lockPath);
  }
  mkdirSync(dir, { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // Written aside, then linked into place: the lock never exists without its PID.
      const pending = `${lockPath}.${process.pid}`;
      writeFileSync(pending, String(process.pid));
      try {
        linkSync(pending, lockPath);
      } finally {
        unlinkSync(pending);
      }
      held.set(lockPath, 1);
      process.once("exit", () => removeLock(lockPath));
      return () => releaseOnce(lockPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const content = readLock(lockPath);
      const pid = Number.parseInt(content, 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new StartupError(
          `the database folder ${dir} is already open by another process (PID ${pid})`,
          "stop that process, or set DATA_DIR to another folder",
        );
      }
      removeStaleLock(lockPath, content);
    }
  }
  throw new StartupError(`could not lock the database folder ${dir}`, "check that the folder is writable");
}

function readLock(lockPath: string): string {
  try {
    return readFileSync(lockPath, "utf8").trim();
  } catch {
    return "";
  }
}

function removeLock(lockPath: string): void {
  try {
    if (existsSync(lockPath) && readLock(lockPath) === String(process.pid)) unlinkSync(lockPath);
  } catch {
    // The folder may already be gone; nothing to release then.
  }
}

/** Removes a lock left by a dead process, unless another process took it over meanwhile. */
function removeStaleLock(lockPath: string, stale: string): void {
  try {
    if (readLock(lockPath) === stale) unlinkSync(lockPath);
  } catch {
    // Already removed by another process: the next attempt decides.
  }
}

function releaseOnce(lockPath: string): void {
  const count = held.get(lockPath) ?? 0;
  if (count <= 1) {
    held.delete(lockPath);
    removeLock(lockPath);
  } else {
    held.set(lockPath, count - 1);
  }
}
