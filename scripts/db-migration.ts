// `npm run db:migration -- NAME`: writes a new migration from the difference between the existing
// migrations (replayed into an in-memory database) and prisma/schema.prisma.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { openSchemaEngine } from "../server/db/schema-engine.ts";
import { migrationsDir, readMigrations } from "../server/db/read-migrations.ts";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/i.test(name)) {
  console.error("usage: npm run db:migration -- NAME   (letters, digits and underscores)");
  process.exit(2);
}
const schemaPath = path.resolve(import.meta.dirname, "..", "prisma", "schema.prisma");
const pglite = new PGlite("memory://");
const engine = await openSchemaEngine(new PrismaPGlite(pglite));
try {
  const result = await engine.diff({
    from: { tag: "migrations", ...readMigrations() },
    to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }] },
    script: true,
    exitCode: true,
    filters: { externalTables: [], externalEnums: [] },
  });
  if (result.exitCode === 0 || !result.stdout?.trim()) {
    console.log("The schema matches the migrations: nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), result.stdout);
    const lock = path.join(migrationsDir, "migration_lock.toml");
    if (!existsSync(lock)) writeFileSync(lock, 'provider = "postgresql"\n');
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  engine.free();
  await pglite.close();
}
process.exit(0);
