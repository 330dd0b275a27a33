// `npm run db:backup [-- --out FILE]`: writes a backup of the configured database (PGlite or PostgreSQL).
import { parseArgs } from "node:util";
import { BackupError } from "../server/db/backup-error.ts";
import { backupDatabase, defaultBackupName } from "../server/db/backup-database.ts";
import { readDatabaseConfig } from "../server/db/database-config.ts";
import { StartupError } from "../server/db/startup-error.ts";

try {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const config = readDatabaseConfig();
  const backup = await backupDatabase(config, values.out ?? defaultBackupName(config.kind));
  console.log(`Backed up the ${backup.kind === "postgres" ? "PostgreSQL" : "embedded"} database to ${backup.file} (${backup.bytes} bytes).`);
  process.exit(0);
} catch (error) {
  console.error(error instanceof BackupError || error instanceof StartupError ? error.toLine() : error instanceof TypeError ? `attest: ${error.message}` : error);
  process.exit(1);
}
