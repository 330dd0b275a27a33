// `npm run db:migrate`: applies pending migrations to the configured database (PGlite or PostgreSQL).
import { migrateDatabase } from "../server/db/apply-migrations.ts";
import { readDatabaseConfig } from "../server/db/database-config.ts";
import { openDatabase } from "../server/db/open-database.ts";
import { StartupError } from "../server/db/startup-error.ts";

try {
  const database = await openDatabase(readDatabaseConfig());
  try {
    const applied = await migrateDatabase(database);
    console.log(applied.length ? `Applied ${applied.join(", ")}` : "The database is up to date.");
  } finally {
    await database.close();
  }
  // The PostgreSQL driver keeps the process alive for a while after migrating: leave now.
  process.exit(0);
} catch (error) {
  console.error(error instanceof StartupError ? error.toLine() : error);
  process.exit(1);
}
