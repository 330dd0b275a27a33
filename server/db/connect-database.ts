// Opens a database, brings its schema up to date, and seeds the example dossier if it is missing.
import { PrismaClient } from "../generated/prisma/client.ts";
import { ensureExampleDossier } from "../examples/ensure-example-dossier.ts";
import { ensureSearchPassages } from "../search/ensure-search-passages.ts";
import { applyMigrations } from "./apply-migrations.ts";
import type { DatabaseConfig } from "./database-config.ts";
import { openDatabase } from "./open-database.ts";
import { processDatabase, setProcessDatabase, type ReadyDatabase } from "./process-database.ts";

/** Opens, migrates and (unless `seed: false`) seeds the database described by `config`. */
export async function connectDatabase(config: DatabaseConfig, options: { seed?: boolean } = {}): Promise<ReadyDatabase> {
  const database = await openDatabase(config);
  try {
    await applyMigrations(database.factory);
    const prisma = new PrismaClient({ adapter: database.factory });
    if (options.seed ?? true) await ensureExampleDossier(prisma);
    await ensureSearchPassages(prisma);
    return { prisma, database };
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}

/** Opens the process's database once; later calls share it. */
export function openProcessDatabase(config: DatabaseConfig): Promise<ReadyDatabase> {
  const existing = processDatabase();
  if (existing) return existing;
  const ready = connectDatabase(config).catch((error: unknown) => {
    setProcessDatabase(undefined);
    throw error;
  });
  setProcessDatabase(ready);
  return ready;
}

/** Closes the process's database, if one is open. */
export async function closeProcessDatabase(): Promise<void> {
  const pending = processDatabase();
  if (!pending) return;
  setProcessDatabase(undefined);
  const { prisma, database } = await pending;
  await prisma.$disconnect();
  await database.close();
}
