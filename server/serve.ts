// The app's HTTP server: opens and migrates the database first, then serves Next.js on PORT.
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { readRedisUrl } from "./auth/read-redis-url.ts";
import { closeProcessDatabase, openProcessDatabase } from "./db/connect-database.ts";
import { readDatabaseConfig } from "./db/database-config.ts";
import type { ReadyDatabase } from "./db/process-database.ts";
import { startCollab } from "./collab/start-collab.ts";
import { StartupError } from "./db/startup-error.ts";
import { createReadGate, type ReadGate } from "./http/create-read-gate.ts";
import { isGatedRead } from "./http/is-gated-read.ts";
import { readGateSettings } from "./http/read-gate-settings.ts";
import { setClientAddress } from "./http/set-client-address.ts";
import { warmUpRender } from "./http/warm-up-render.ts";
import { listPublishedExamples } from "./dossiers/list-published-examples.ts";
import { stripInternalHeaders } from "./http/strip-internal-headers.ts";

const root = path.resolve(import.meta.dirname, "..");

/** Starts the server; resolves once it listens. */
export async function serve(options: { dev?: boolean } = {}): Promise<void> {
  const port = readPort(process.env.PORT);
  const hostname = process.env.HOST ?? "0.0.0.0";
  let gate: ReadGate;
  let database: ReadyDatabase;
  try {
    const config = readDatabaseConfig();
    readRedisUrl();
    gate = createReadGate(readGateSettings(), isGatedRead);
    database = await openProcessDatabase(config);
  } catch (error) {
    if (error instanceof StartupError) {
      console.error(error.toLine());
      process.exit(1);
    }
    throw error;
  }
  const app = next({ dev: options.dev ?? false, dir: root, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    stripInternalHeaders(req);
    setClientAddress(req);
    gate.admit(req, res, () => void handle(req, res));
  });
  // Co-editing the briefing: WebSocket upgrades of /collab, on this same port.
  const stopCollab = startCollab(server);
  // A fresh process's first render of a dossier page loads and compiles the reader's code and
  // blocks it for a few hundred milliseconds: the published example takes that render, on a
  // loopback port, before the server takes requests (not in development, which compiles pages when
  // they are first asked for).
  const examples = options.dev ? [] : await listPublishedExamples(database.prisma).catch(() => []);
  for (const page of await warmUpRender(server, examples.slice(0, 1).map((e) => e.href))) {
    if (page.status === 200) console.log(`Rendered the published example once before taking requests (${Math.round(page.ms)} ms)`);
    else console.error(`Rendering the published example before taking requests failed (${page.error ?? `status ${page.status}`}); starting all the same`);
  }
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new StartupError(`port ${port} is already in use`, "stop what listens there, or set PORT to another port")
          : error,
      ),
    );
    server.listen(port, hostname, resolve);
  });
  console.log(`Attest is ready on http://localhost:${port}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Stopping (${signal})…`);
    await stopCollab().catch((error: unknown) => console.error(error));
    server.close();
    server.closeAllConnections();
    await closeProcessDatabase().catch((error: unknown) => console.error(error));
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

function readPort(value: string | undefined): number {
  if (value === undefined || value === "") return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new StartupError(`PORT must be a number from 1 to 65535 (it is "${value}")`, "fix PORT or unset it");
  }
  return port;
}
