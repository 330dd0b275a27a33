// Restores a backup into the configured database: pg_restore or psql for PostgreSQL, PGlite's loadDataDir for the embedded one.
import { existsSync } from "node:fs";
import { open, readdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { BackupError } from "./backup-error.ts";
import type { DatabaseConfig } from "./database-config.ts";
import { lockForBackup } from "./lock-for-backup.ts";
import { runPgTool } from "./run-pg-tool.ts";

/** How a restore may treat a database that already holds data. */
export interface RestoreOptions {
  /** Replace what is there (PostgreSQL: the public schema; PGlite: the folder's database). */
  force?: boolean;
}

/**
 * Restores the backup in `file` into the database of `config`. The target must be empty (a
 * PostgreSQL database without tables, a PGlite folder without a database) unless `force` is
 * given. PostgreSQL takes a custom-format dump (`pg_restore`) or a plain SQL one (`psql`), in one
 * transaction that stops at the first error. PGlite restores into a folder beside the target
 * and moves it into place only once it opens and holds the app's schema, under the folder's
 * lock, so a folder a running app holds is refused and a failed restore leaves it as it was.
 *
 * @throws BackupError naming the cause and the fix.
 */
export async function restoreDatabase(config: DatabaseConfig, file: string, options: RestoreOptions = {}): Promise<void> {
  const source = path.resolve(file);
  if (!existsSync(source)) throw new BackupError(`${source} does not exist`, "give the path of a backup made with npm run db:backup");
  if (config.kind === "postgres") await restorePostgres(config.url, source, options);
  else await restorePglite(config.dataDir, source, options);
}

async function restorePostgres(url: string, source: string, options: RestoreOptions): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`cannot reach PostgreSQL (${(error as Error).message})`, "start the server or fix DATABASE_URL; the database must exist", { cause: error });
  }
  try {
    const { rows } = await client.query<{ count: string }>(
      "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')",
    );
    if (Number(rows[0].count) > 0) {
      if (!options.force) throw new BackupError(`the database already holds ${rows[0].count} tables`, "restore into an empty database, or pass --force to replace its contents");
      await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    }
  } finally {
    await client.end();
  }
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  if (await isCustomDump(source)) {
    await runPgTool("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${database}`, source], url);
  } else {
    await runPgTool("psql", ["--quiet", "--no-psqlrc", "--set=ON_ERROR_STOP=1", "--single-transaction", `--file=${source}`], url);
  }
}

/** Whether the file starts with the signature of pg_dump's custom format. */
async function isCustomDump(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(5);
    await handle.read(head, 0, 5, 0);
    return head.toString("latin1") === "PGDMP";
  } finally {
    await handle.close();
  }
}

async function restorePglite(dataDir: string, source: string, options: RestoreOptions): Promise<void> {
  if (dataDir.startsWith("memory://")) throw new BackupError("cannot restore into an in-memory database", "set DATA_DIR to a folder");
  const folder = path.join(dataDir, "pglite");
  const release = lockForBackup(dataDir, "restore into");
  try {
    if (!options.force && (await hasEntries(folder))) {
      throw new BackupError(`${dataDir} already holds a database`, "restore into an empty or new folder (set DATA_DIR), or pass --force to replace it");
    }
    const staging = `${folder}.restoring-${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    try {
      await loadInto(staging, source);
      if (existsSync(folder)) {
        const replaced = `${folder}.replaced-${process.pid}`;
        await rename(folder, replaced);
        await rename(staging, folder);
        await rm(replaced, { recursive: true, force: true });
      } else {
        await rename(staging, folder);
      }
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  } finally {
    release();
  }
}

/** Creates a PGlite database in `folder` from the dump in `source` and checks it is the app's. */
async function loadInto(folder: string, source: string): Promise<void> {
  const { PGlite } = await import("@electric-sql/pglite");
  let pglite;
  try {
    pglite = await PGlite.create(folder, { loadDataDir: new Blob([await readFile(source)]) });
  } catch (error) {
    throw new BackupError(`${source} is not a backup of the embedded database (${(error as Error).message})`, "give a file made with npm run db:backup without DATABASE_URL", { cause: error });
  }
  try {
    const { rows } = await pglite.query<{ found: string | null }>("SELECT to_regclass('public._prisma_migrations')::text AS found");
    if (!rows[0]?.found) throw new BackupError(`${source} holds a database without the app's tables`, "give a file made with npm run db:backup");
  } finally {
    await pglite.close();
  }
}

async function hasEntries(folder: string): Promise<boolean> {
  try {
    return (await readdir(folder)).length > 0;
  } catch {
    return false;
  }
}
