// Writes a backup of the configured database: pg_dump for PostgreSQL, PGlite's own dump for the embedded one.
import { existsSync } from "node:fs";
import { mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { BackupError } from "./backup-error.ts";
import type { DatabaseConfig } from "./database-config.ts";
import { lockForBackup } from "./lock-for-backup.ts";
import { runPgTool } from "./run-pg-tool.ts";

/** A written backup: where, how big, and of which kind of database. */
export interface Backup {
  file: string;
  bytes: number;
  kind: DatabaseConfig["kind"];
}

/** The file name a backup gets when none is given: `attest-<kind>-<UTC timestamp>.<ext>`. */
export function defaultBackupName(kind: DatabaseConfig["kind"], now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  return kind === "postgres" ? `attest-postgres-${stamp}.dump` : `attest-pglite-${stamp}.tar.gz`;
}

/**
 * Backs up the database of `config` into `file`. PostgreSQL: `pg_dump` in its custom format
 * (without owners or privileges, so it restores under any user). PGlite: the data folder as a
 * gzipped tarball from `dumpDataDir`, taken under the folder's lock, so a folder a running app
 * holds is refused. An existing `file` is never overwritten.
 *
 * @throws BackupError naming the cause and the fix.
 */
export async function backupDatabase(config: DatabaseConfig, file: string): Promise<Backup> {
  const target = path.resolve(file);
  if (existsSync(target)) throw new BackupError(`${target} already exists`, "choose another file with --out, or move that one aside");
  await mkdir(path.dirname(target), { recursive: true });
  if (config.kind === "postgres") {
    await runPgTool("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${target}`], config.url);
  } else {
    await dumpPglite(config.dataDir, target);
  }
  return { file: target, bytes: (await stat(target)).size, kind: config.kind };
}

async function dumpPglite(dataDir: string, target: string): Promise<void> {
  if (dataDir.startsWith("memory://")) throw new BackupError("an in-memory database has nothing on disk to back up", "set DATA_DIR to the data folder");
  const folder = path.join(dataDir, "pglite");
  if (!existsSync(path.join(folder, "PG_VERSION"))) {
    throw new BackupError(`no embedded database in ${dataDir}`, "set DATA_DIR to the folder the app uses (default ./data)");
  }
  const release = lockForBackup(dataDir, "back up");
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const pglite = await PGlite.create(folder);
    try {
      const dump = await pglite.dumpDataDir("gzip");
      await writeFile(target, new Uint8Array(await dump.arrayBuffer()), { flag: "wx" });
    } finally {
      await pglite.close();
    }
  } finally {
    release();
  }
}
