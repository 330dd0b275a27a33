// A fresh, migrated database for one test file: in-memory PGlite, or a new PostgreSQL database
// when TEST_DATABASE_URL is set. Nothing is shared between test files.
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Db } from "@/server/db.ts";
import { connectDatabase } from "@/server/db/connect-database.ts";
import type { OpenDatabase } from "@/server/db/open-database.ts";

/** A migrated database and how to throw it away. */
export interface TestDatabase {
  db: Db;
  /** The open database under `db` (to listen for notifications, or to stand as the process's). */
  database: OpenDatabase;
  kind: "pglite" | "postgres";
  /** The connection URL of a PostgreSQL test database. */
  url?: string;
  drop(): Promise<void>;
}

/** Creates and migrates a database of its own; `seed` adds the example dossier. */
export async function createTestDatabase(options: { seed?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const { prisma, database } = await connectDatabase({ kind: "pglite", dataDir: "memory://" }, { seed: options.seed ?? false });
    return {
      db: prisma,
      database,
      kind: "pglite",
      async drop() {
        await prisma.$disconnect();
        await database.close();
      },
    };
  }
  const name = `attest_test_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const { prisma, database } = await connectDatabase({ kind: "postgres", url: url.toString() }, { seed: options.seed ?? false });
  return {
    db: prisma,
    database,
    kind: "postgres",
    url: url.toString(),
    async drop() {
      await prisma.$disconnect();
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
