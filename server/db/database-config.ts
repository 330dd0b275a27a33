// Reads which database to use from the environment: embedded PGlite by default, PostgreSQL by URL.
import path from "node:path";
import { StartupError } from "./startup-error.ts";

/**
 * Where the data lives; a PGlite `dataDir` of `memory://` keeps it in memory only. A PGlite
 * database created anew may start from `loadDataDir`, a tarball of `dumpDataDir`.
 */
export type DatabaseConfig = { kind: "pglite"; dataDir: string; loadDataDir?: Blob } | { kind: "postgres"; url: string };

/**
 * `DATABASE_URL` (postgres:// or postgresql://) selects PostgreSQL; otherwise PGlite keeps its
 * folder in `DATA_DIR` (default `./data`). Throws a `StartupError` for a malformed URL.
 */
export function readDatabaseConfig(env: Record<string, string | undefined> = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new StartupError(
        "DATABASE_URL is not a valid URL",
        "set it to postgresql://USER@HOST:PORT/DATABASE, or unset it to use the embedded database",
      );
    }
    if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
      throw new StartupError(
        `DATABASE_URL must start with postgresql:// (it starts with ${parsed.protocol}//)`,
        "set it to postgresql://USER@HOST:PORT/DATABASE, or unset it to use the embedded database",
      );
    }
    if (!parsed.hostname || parsed.pathname.length <= 1) {
      throw new StartupError(
        "DATABASE_URL must name a host and a database",
        "set it to postgresql://USER@HOST:PORT/DATABASE",
      );
    }
    return { kind: "postgres", url };
  }
  const dir = env.DATA_DIR?.trim() || "data";
  const dataDir = dir.startsWith("memory://") ? dir : path.resolve(dir);
  return { kind: "pglite", dataDir };
}
