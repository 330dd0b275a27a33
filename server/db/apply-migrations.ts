// Brings a database up to date with prisma/migrations, on PGlite or PostgreSQL alike.
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { OpenDatabase } from "./open-database.ts";
import { openSchemaEngine } from "./schema-engine.ts";
import { readMigrations } from "./read-migrations.ts";

/** Applies every migration not yet applied; returns the names of those it applied. */
export async function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const engine = await openSchemaEngine(factory);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: readMigrations(),
      filters: { externalTables: [], externalEnums: [] },
    });
    return appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/** `applyMigrations` on an open database, over a connection of its own where it offers one (see `OpenDatabase.migrationFactory`). */
export async function migrateDatabase(database: OpenDatabase): Promise<string[]> {
  const own = database.migrationFactory?.();
  try {
    return await applyMigrations(own?.factory ?? database.factory);
  } finally {
    await own?.close();
  }
}
