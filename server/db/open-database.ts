// Opens the configured database (embedded PGlite or PostgreSQL) behind one Prisma driver adapter.
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { QueryResult } from "pg";
import type { DatabaseConfig } from "./database-config.ts";
import { lockFolder } from "./folder-lock.ts";
import { listenPostgres, type Listening } from "../live/listen-postgres.ts";
import { StartupError } from "./startup-error.ts";

/** An open database: the adapter factory Prisma and the schema engine use, and how to close it. */
export interface OpenDatabase {
  config: DatabaseConfig;
  factory: SqlMigrationAwareDriverAdapterFactory;
  /**
   * Calls `onPayload` with every notification on `channel` once its sender commits. PostgreSQL
   * listens on a connection of its own, reconnecting after a restart (then `onReconnect` runs,
   * as notifications sent meanwhile are lost); PGlite listens on its one connection. Optional
   * only so that stand-ins for a database in tests need not provide it.
   */
  listen?(channel: string, onPayload: (payload: string) => void, onReconnect?: () => void): Promise<Listening>;
  /**
   * Runs SQL outside Prisma, as the job queue (pg-boss) needs: with `values`, one statement with
   * `$1…` parameters; without, a script of one or more statements (the rows are the last
   * result's that has columns). PostgreSQL takes a connection of the pool; PGlite waits for its
   * one connection like every other query. Optional only for stand-ins in tests.
   */
  executeSql?(text: string, values?: unknown[]): Promise<SqlResult>;
  /**
   * An adapter factory over one connection of its own, for the schema engine, closed with
   * `close`. The engine takes PostgreSQL's migration lock (a session advisory lock) and releases
   * it with a second statement: over the shared pool the two may land on different connections,
   * leaving the lock held by a pooled connection for the life of the process, and every other
   * process migrating the same database (a second instance, a CLI) waiting for it. Closing the
   * connection releases the lock whatever happened. Absent on PGlite (one connection).
   */
  migrationFactory?(): { factory: SqlMigrationAwareDriverAdapterFactory; close(): Promise<void> };
  close(): Promise<void>;
}

/** The rows a statement returned. */
export interface SqlResult {
  rows: Record<string, unknown>[];
}

/** Opens the database, failing with a one-line `StartupError` when it cannot be reached or locked. */
export async function openDatabase(config: DatabaseConfig): Promise<OpenDatabase> {
  return config.kind === "pglite" ? openPglite(config.dataDir, config) : openPostgres(config.url, config);
}

async function openPglite(dataDir: string, config: DatabaseConfig): Promise<OpenDatabase> {
  // An in-memory database (tests) belongs to this process alone: nothing to lock.
  const inMemory = dataDir.startsWith("memory://");
  const release = inMemory ? () => {} : lockFolder(dataDir);
  try {
    const [{ PGlite }, { PrismaPGlite }] = await Promise.all([
      import("@electric-sql/pglite"),
      import("pglite-prisma-adapter"),
    ]);
    const loadDataDir = config.kind === "pglite" ? config.loadDataDir : undefined;
    const pglite = await PGlite.create(inMemory ? dataDir : path.join(dataDir, "pglite"), loadDataDir ? { loadDataDir } : {});
    return {
      config,
      factory: new PrismaPGlite(pglite),
      async executeSql(text, values) {
        if (values && values.length > 0) return { rows: (await pglite.query<Record<string, unknown>>(text, values)).rows };
        // A script (pg-boss's schema changes and locked commands) needs the simple protocol.
        const results = await pglite.exec(text);
        return { rows: results.findLast((r) => r.fields.length > 0)?.rows ?? [] };
      },
      async listen(channel, onPayload) {
        const unlisten = await pglite.listen(channel, onPayload);
        return { stop: () => (pglite.closed ? Promise.resolve() : unlisten()) };
      },
      async close() {
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    if (error instanceof StartupError) throw error;
    throw new StartupError(
      `the embedded database in ${dataDir} could not be opened (${(error as Error).message})`,
      "check the folder, or move it aside to start afresh",
      { cause: error },
    );
  }
}

async function openPostgres(url: string, config: DatabaseConfig): Promise<OpenDatabase> {
  const [{ default: pg }, { PrismaPg }] = await Promise.all([import("pg"), import("@prisma/adapter-pg")]);
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  // An idle client's error (e.g. the server restarting) must not crash the process.
  pool.on("error", () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    const where = safeLocation(url);
    throw new StartupError(
      `cannot reach PostgreSQL at ${where} (${(error as Error).message})`,
      "start the server or fix DATABASE_URL",
      { cause: error },
    );
  }
  const listenings = new Set<Listening>();
  return {
    config,
    factory: new PrismaPg(pool),
    migrationFactory() {
      const single = new pg.Pool({ connectionString: url, max: 1 });
      single.on("error", () => {});
      return { factory: new PrismaPg(single), close: () => single.end() };
    },
    async executeSql(text, values) {
      const result = await pool.query(text, values);
      // A script answers with one result per statement.
      const results = Array.isArray(result) ? (result as QueryResult[]) : [result];
      return { rows: results.findLast((r) => r.fields.length > 0)?.rows ?? [] };
    },
    async listen(channel, onPayload, onReconnect) {
      const listening = await listenPostgres(url, channel, onPayload, onReconnect);
      listenings.add(listening);
      return {
        async stop() {
          listenings.delete(listening);
          await listening.stop();
        },
      };
    },
    async close() {
      await Promise.all([...listenings].map((l) => l.stop()));
      listenings.clear();
      await pool.end();
    },
  };
}

/** host:port/database of a URL, without its credentials. */
function safeLocation(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}
