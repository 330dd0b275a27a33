// `npm start`: builds the app when the build is missing or older than the code, then serves it.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
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

if (!dev && isBuildStale()) {
  console.log("Building the app…");
  const build = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: process.env,
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
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

function isBuildStale() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const inputs = ["app", "components", "core", "server", "next.config.ts", "proxy.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];
  return inputs.some((input) => newestChange(path.join(root, input)) > built);
}

function newestChange(file) {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(file)) newest = Math.max(newest, newestChange(path.join(file, entry)));
  return newest;
}
