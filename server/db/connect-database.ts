// Opens a database, brings its schema up to date, and seeds the example dossier if it is missing.
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "../generated/prisma/client.ts";
import { ensureExampleDossier } from "../examples/ensure-example-dossier.ts";
import { ensureSearchPassages } from "../search/ensure-search-passages.ts";
import { applyMigrations } from "./apply-migrations.ts";
import type { DatabaseConfig } from "./database-config.ts";
import { openDatabase } from "./open-database.ts";
import { processDatabase, setProcessDatabase, type ReadyDatabase } from "./process-database.ts";
import { readBatchSize, readSyncBudget } from "../jobs/job-settings.ts";
import { processJobQueue, setProcessJobQueue } from "../jobs/process-job-queue.ts";
import { startJobQueue } from "../jobs/start-job-queue.ts";

/** Opens, migrates and (unless `seed: false`) seeds the database described by `config`. */
export async function connectDatabase(config: DatabaseConfig, options: { seed?: boolean } = {}): Promise<ReadyDatabase> {
  const database = await openDatabase(config);
  try {
    await migrate(config, database.factory);
    const prisma = new PrismaClient({ adapter: database.factory });
    if (options.seed ?? true) await ensureExampleDossier(prisma);
    await ensureSearchPassages(prisma);
    return { prisma, database };
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}

/**
 * Applies pending migrations. On PostgreSQL the schema engine takes a session advisory lock
 * (pg_advisory_lock) on one connection of the pool it is given and may release it on another:
 * the lock then stays held by a pooled connection that the app goes on using (pg-boss polls on
 * it every second, so it is never idle long enough to be closed), and the next process that
 * migrates, such as a second instance, waits for it for ever. So it migrates over a connection of
 * its own, closed once done, which drops any lock it still holds.
 */
async function migrate(config: DatabaseConfig, factory: SqlMigrationAwareDriverAdapterFactory): Promise<void> {
  if (config.kind !== "postgres") {
    await applyMigrations(factory);
    return;
  }
  const [{ default: pg }, { PrismaPg }] = await Promise.all([import("pg"), import("@prisma/adapter-pg")]);
  const pool = new pg.Pool({ connectionString: config.url, max: 1 });
  pool.on("error", () => {});
  try {
    await applyMigrations(new PrismaPg(pool));
  } finally {
    await pool.end().catch(() => {});
  }
}

/**
 * Opens the process's database once, and starts its job queue with this process's worker (every
 * app process works jobs; on the embedded database there is only one); later calls share it.
 */
export function openProcessDatabase(config: DatabaseConfig): Promise<ReadyDatabase> {
  const existing = processDatabase();
  if (existing) return existing;
  const ready = connectDatabase(config).then(async (database) => {
    try {
      const syncBudget = readSyncBudget(process.env.SUGGESTION_SYNC_BUDGET);
      const batchSize = readBatchSize(process.env.SUGGESTION_BATCH_SIZE);
      setProcessJobQueue(await startJobQueue(database, { syncBudget, batchSize }));
    } catch (error) {
      await database.prisma.$disconnect().catch(() => {});
      await database.database.close().catch(() => {});
      throw error;
    }
    return database;
  }).catch((error: unknown) => {
    setProcessDatabase(undefined);
    throw error;
  });
  setProcessDatabase(ready);
  return ready;
}

/** Stops the process's job queue, then closes its database, if one is open. */
export async function closeProcessDatabase(): Promise<void> {
  const queue = processJobQueue();
  setProcessJobQueue(undefined);
  await queue?.stop().catch((error: unknown) => console.error(error));
  const pending = processDatabase();
  if (!pending) return;
  setProcessDatabase(undefined);
  const { prisma, database } = await pending;
  await prisma.$disconnect();
  await database.close();
}
