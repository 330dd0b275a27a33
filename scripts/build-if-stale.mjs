// Builds the app (`next build`) when the build is missing or older than the code it is made from.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/** Runs `next build` if the build is stale; resolves to its exit status (0 when none was needed). */
export function buildIfStale() {
  if (!isBuildStale()) return Promise.resolve(0);
  console.log("Building the app…");
  const build = spawn(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: process.env,
  });
  return new Promise((resolve) => {
    build.once("error", () => resolve(1));
    build.once("exit", (code) => resolve(code ?? 1));
  });
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
