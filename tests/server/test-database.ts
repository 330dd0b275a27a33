// A fresh, migrated database for one test file: in-memory PGlite, or a new PostgreSQL database
// when TEST_DATABASE_URL is set. Each starts as a copy of a template migrated (and seeded) once per
// run by tests/server/database-templates.ts; nothing written in one file is seen by another.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
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
  const templates = inject("databaseTemplates");
  const template = options.seed ? templates.seeded : templates.plain;
  if (!serverUrl) {
    if (templates.kind !== "pglite") throw new Error("the database templates were made for PostgreSQL, but TEST_DATABASE_URL is unset");
    const loadDataDir = new Blob([readFileSync(template)]);
    const { prisma, database } = await connectDatabase({ kind: "pglite", dataDir: "memory://", loadDataDir }, { seed: options.seed ?? false });
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
  if (templates.kind !== "postgres") throw new Error("the database templates were made for PGlite, but TEST_DATABASE_URL is set");
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
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
