// Builds the app for a bench with `next build`, however long the machine takes, so its instances start from one build.
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");

/** Runs `next build` in the project (output shown); throws when it fails. */
export function buildApp(): void {
  console.log("Building the app (next build)…");
  const started = performance.now();
  const build = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status})`);
  console.log(`Built in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}
