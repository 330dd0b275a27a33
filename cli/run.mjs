// Starts the `attest` CLI fast: bundles its TypeScript with esbuild (tens of milliseconds), then runs it.
import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const outdir = path.join(root, "node_modules", ".cache", "attest-cli");
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: [path.join(root, "cli", "attest.ts")],
  outdir,
  bundle: true,
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: "inline",
  logLevel: "error",
  alias: { "@": root },
});
await import(pathToFileURL(path.join(outdir, "attest.js")).href);
