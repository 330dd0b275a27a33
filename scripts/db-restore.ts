// `npm run db:restore -- FILE [--force]`: restores a backup into the configured database (PGlite or PostgreSQL).
import { parseArgs } from "node:util";
import { BackupError } from "../server/db/backup-error.ts";
import { readDatabaseConfig } from "../server/db/database-config.ts";
import { restoreDatabase } from "../server/db/restore-database.ts";
import { StartupError } from "../server/db/startup-error.ts";

try {
  const { values, positionals } = parseArgs({ options: { force: { type: "boolean", default: false } }, allowPositionals: true });
  if (positionals.length !== 1) throw new BackupError("give exactly one backup file", "run npm run db:restore -- FILE [--force]");
  const config = readDatabaseConfig();
  await restoreDatabase(config, positionals[0], { force: values.force });
  console.log(`Restored ${positionals[0]} into the ${config.kind === "postgres" ? "PostgreSQL" : "embedded"} database.`);
  process.exit(0);
} catch (error) {
  console.error(error instanceof BackupError || error instanceof StartupError ? error.toLine() : error instanceof TypeError ? `attest: ${error.message}` : error);
  process.exit(1);
}
