// Starts the built app (building it first when needed) on a free port with its own data folder.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { SERVER_NODE_FLAGS } from "@/scripts/server-node-flags.mjs";

/** A running app: its base URL, its data folder, and how to stop it. */
export interface RunningApp {
  url: string;
  dataDir: string;
  /** The app's process id (the server runs in that one process). */
  pid: number;
  output: () => string;
  /** Stops the app with the signal (SIGTERM by default) and waits for the process to end. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Names the data folder, migrated and seeded once per run by tests/e2e/global-setup.ts, that a
 * new app's data folder starts as a copy of.
 */
export const DATA_TEMPLATE_ENV = "ATTEST_E2E_DATA_TEMPLATE";

/**
 * Runs `npm start`'s script with PORT and DATA_DIR set; resolves once the app is ready. Without
 * `dataDir`, the app gets a new data folder: a copy of the run's migrated and seeded template when
 * there is one, unless `empty` asks for an empty folder (the app then migrates and seeds it itself,
 * as on a first `npm start`).
 */
export async function startApp(options: { dataDir?: string; empty?: boolean; env?: Record<string, string> } = {}): Promise<RunningApp> {
  const port = await freePort();
  const dataDir = options.dataDir ?? newDataDir(options.empty ?? false);
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, "scripts/start.mjs"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, DATABASE_URL: "", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (chunk) => (log += chunk));
  child.stderr!.on("data", (chunk) => (log += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app did not start within 4 minutes:\n${log}`)), 240_000);
    const check = () => {
      if (log.includes("Attest is ready")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the app exited with ${code} before it was ready:\n${log}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    pid: child.pid!,
    output: () => log,
    stop: (signal = "SIGTERM") => stopChild(child, signal),
  };
}

function newDataDir(empty: boolean): string {
  const dataDir = mkdtempSync(path.join(tmpdir(), "attest-e2e-"));
  const template = process.env[DATA_TEMPLATE_ENV];
  if (template && !empty) cpSync(template, dataDir, { recursive: true, filter: (source) => path.basename(source) !== "attest.lock" });
  return dataDir;
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}
