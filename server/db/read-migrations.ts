// Reads prisma/migrations into the list shape the schema engine expects.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm/schema_engine_bg";

/** The project's migrations folder. */
export const migrationsDir = path.resolve(import.meta.dirname, "..", "..", "prisma", "migrations");

/** Every migration directory under `baseDir`, sorted by name (their names start with a timestamp). */
export function readMigrations(baseDir: string = migrationsDir): MigrationList {
  const lockPath = path.join(baseDir, "migration_lock.toml");
  const directories = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(path.join(baseDir, entry.name, "migration.sql")))
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: directories.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(path.join(baseDir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}
