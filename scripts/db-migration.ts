// `npm run db:migration -- NAME`: writes a new migration from the difference between the existing
// migrations (replayed into an in-memory database) and prisma/schema.prisma.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { diffMigrationsToSchema } from "../server/db/diff-migrations-to-schema.ts";
import { migrationsDir } from "../server/db/read-migrations.ts";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/i.test(name)) {
  console.error("usage: npm run db:migration -- NAME   (letters, digits and underscores)");
  process.exit(2);
}
const sql = await diffMigrationsToSchema();
if (!sql) {
  console.log("The schema matches the migrations: nothing to write.");
} else {
  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
  const lock = path.join(migrationsDir, "migration_lock.toml");
  if (!existsSync(lock)) writeFileSync(lock, 'provider = "postgresql"\n');
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}
