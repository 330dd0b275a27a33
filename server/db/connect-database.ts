// Opens a database, brings its schema up to date, and seeds the example dossier if it is missing.
import { PrismaClient } from "../generated/prisma/client.ts";
import { ensureExampleDossier } from "../examples/ensure-example-dossier.ts";
import { ensureSearchPassages } from "../search/ensure-search-passages.ts";
import { migrateDatabase } from "./apply-migrations.ts";
import type { DatabaseConfig } from "./database-config.ts";
import { openDatabase } from "./open-database.ts";
import { processDatabase, setProcessDatabase, type ReadyDatabase } from "./process-database.ts";
import { readBatchSize, readExportSyncItems, readImportSyncBytes, readSyncBudget } from "../jobs/job-settings.ts";
import { processJobQueue, setProcessJobQueue } from "../jobs/process-job-queue.ts";
import { startJobQueue } from "../jobs/start-job-queue.ts";

/** Opens, migrates and (unless `seed: false`) seeds the database described by `config`. */
export async function connectDatabase(config: DatabaseConfig, options: { seed?: boolean } = {}): Promise<ReadyDatabase> {
  const database = await openDatabase(config);
  try {
    await migrateDatabase(database);
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
      const importSyncBytes = readImportSyncBytes(process.env.IMPORT_SYNC_BYTES);
      const exportSyncItems = readExportSyncItems(process.env.EXPORT_SYNC_ITEMS);
      setProcessJobQueue(await startJobQueue(database, { syncBudget, batchSize, importSyncBytes, exportSyncItems }));
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
