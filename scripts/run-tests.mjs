// `npm test`: the whole suite. The browser tests run one file at a time and mostly wait on the app
// and Chromium, so the unit and database tests run beside them in a second process; the second
// one's output is printed after the first's. Exits non-zero when either fails. With arguments
// (`npm test -- tests/core/...`), it is plain `vitest run` with them.
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const vitest = path.join(root, "node_modules", "vitest", "vitest.mjs");
const args = process.argv.slice(2);

/** Runs vitest with `vitestArgs`; its output goes to the terminal or, with `buffer`, is kept. */
function run(vitestArgs, { buffer = false } = {}) {
  const child = spawn(process.execPath, [vitest, "run", ...vitestArgs], { cwd: root, stdio: buffer ? ["ignore", "pipe", "pipe"] : "inherit" });
  let output = "";
  if (buffer) {
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
  }
  return new Promise((resolve) => child.on("close", (code, signal) => resolve({ ok: code === 0, code, signal, output })));
}

if (args.length > 0) {
  const { ok } = await run(args);
  process.exit(ok ? 0 : 1);
}

const beside = run(["--project", "unit", "--project", "db"], { buffer: true });
const browser = await run(["--project", "e2e"]);
const rest = await beside;
console.log("\n== Unit and database tests (run beside the browser tests)\n");
process.stdout.write(rest.output);
const failed = [!browser.ok && "browser tests", !rest.ok && "unit and database tests"].filter(Boolean);
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(", ")}.`);
  process.exit(1);
}
