// The SQL that would bring the migrations (replayed into an empty in-memory database) to prisma/schema.prisma.
import { readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { readMigrations } from "./read-migrations.ts";
import { openSchemaEngine } from "./schema-engine.ts";

/** The schema file the migrations must match. */
export const SCHEMA_PATH = path.resolve(import.meta.dirname, "..", "..", "prisma", "schema.prisma");

/** The migration still missing from prisma/migrations, as SQL; empty when the schema matches them. */
export async function diffMigrationsToSchema(): Promise<string> {
  const pglite = new PGlite("memory://");
  const engine = await openSchemaEngine(new PrismaPGlite(pglite));
  try {
    const result = await engine.diff({
      from: { tag: "migrations", ...readMigrations() },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: readFileSync(SCHEMA_PATH, "utf8") }] },
      script: true,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.exitCode === 0 ? "" : (result.stdout ?? "").trim();
  } finally {
    engine.free();
    await pglite.close();
  }
}
