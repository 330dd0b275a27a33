// Runs one of PostgreSQL's command-line tools (pg_dump, pg_restore, psql), failing with its own words.
import { spawn } from "node:child_process";
import { BackupError } from "./backup-error.ts";

/**
 * Runs `tool` with `args`, the connection given by `url` through the environment (so no password
 * shows in the process list). Resolves when it exits with 0; otherwise throws a `BackupError`
 * carrying the tool's last lines of error output.
 */
export function runPgTool(tool: "pg_dump" | "pg_restore" | "psql", args: string[], url: string): Promise<void> {
  const env = { ...process.env, ...connectionEnv(url) };
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString("utf8")).slice(-4000);
    });
    child.on("error", (error) => {
      reject(new BackupError(`cannot run ${tool} (${error.message})`, `install the PostgreSQL client tools (${tool} must be on PATH)`, { cause: error }));
    });
    child.on("close", (code) => {
      if (code === 0) return resolve();
      const detail = stderr.trim().split("\n").slice(-3).join(" ").trim();
      reject(new BackupError(`${tool} failed${detail ? `: ${detail}` : ` with exit code ${code}`}`, "check DATABASE_URL and that the server is running"));
    });
  });
}

/** The libpq environment variables naming the server, user, password and database of `url`. */
function connectionEnv(url: string): Record<string, string> {
  const parsed = new URL(url);
  const env: Record<string, string> = {
    PGHOST: decodeURIComponent(parsed.hostname.replace(/^\[(.*)\]$/, "$1")),
    PGPORT: parsed.port || "5432",
    PGDATABASE: decodeURIComponent(parsed.pathname.slice(1)),
  };
  if (parsed.username) env.PGUSER = decodeURIComponent(parsed.username);
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  const sslmode = parsed.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}
