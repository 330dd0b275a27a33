// Starts the `attest` CLI fast: runs a cached esbuild bundle of its TypeScript, rebuilt only when
// a source file is newer than the bundle (bundling takes tens of milliseconds; tsx, about a second).
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const outdir = path.join(root, "node_modules", ".cache", "attest-cli");
const bundle = path.join(outdir, "attest.js");
const inputs = ["cli", "core", "server", "package-lock.json", "tsconfig.json"].map((p) => path.join(root, p));

if (!existsSync(bundle) || inputs.some((input) => newestChange(input) > statSync(bundle).mtimeMs)) {
  const { build } = await import("esbuild");
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: [path.join(root, "cli", "attest.ts")],
    outdir,
    bundle: true,
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Dependencies are bundled too (small pure-JS packages: zod, diff-match-patch…): resolving and
    // loading zod's hundreds of module files cost more than the aligner's work on a small job.
    // The source map is a file beside the bundle (node reads it only with --enable-source-maps);
    // inline, it doubled the text that every start-up decodes.
    sourcemap: "linked",
    // Bundled CommonJS packages (the HTML sanitiser's parser) call require(); an ES module has none.
    banner: { js: 'import { createRequire as __attestCreateRequire } from "node:module"; const require = __attestCreateRequire(import.meta.url);' },
    logLevel: "error",
    alias: { "@": root },
  });
}
await import(pathToFileURL(bundle).href);

function newestChange(file) {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(file)) {
    if (entry === "generated" || entry === "node_modules") continue;
    newest = Math.max(newest, newestChange(path.join(file, entry)));
  }
  return newest;
}
