// `npm start`: builds the app when the build is missing or older than the code, then serves it.
import { buildIfStale } from "./build-if-stale.mjs";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const dev = process.argv.includes("--dev");

const { register } = await import("tsx/esm/api");
register();
const { StartupError } = await import("../server/db/startup-error.ts");
const { readDatabaseConfig } = await import("../server/db/database-config.ts");
const { lockFolder } = await import("../server/db/folder-lock.ts");
// A misconfiguration, or an embedded database already in use, is reported before any build
// (which would also overwrite the files a running instance serves).
const config = await guard(() => readDatabaseConfig());
if (config.kind === "pglite" && !config.dataDir.startsWith("memory://")) await guard(() => lockFolder(config.dataDir));

if (!dev) {
  const status = await buildIfStale();
  if (status !== 0) process.exit(status);
}

const { serve } = await import("../server/serve.ts");
await guard(() => serve({ dev }));

/** Runs `step`; a StartupError ends the process with its one-line message. */
async function guard(step) {
  try {
    return await step();
  } catch (error) {
    if (error instanceof StartupError) {
      console.error(error.toLine());
      process.exit(1);
    }
    throw error;
  }
}
