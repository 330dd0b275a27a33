// Specification of backup and restore: a seeded, changed database comes back row for row, on
// PGlite and (when TEST_DATABASE_URL is set) on PostgreSQL; busy or full targets are refused.
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db.ts";
import { backupDatabase } from "@/server/db/backup-database.ts";
import { BackupError } from "@/server/db/backup-error.ts";
import { connectDatabase } from "@/server/db/connect-database.ts";
import { lockFolder } from "@/server/db/folder-lock.ts";
import { restoreDatabase } from "@/server/db/restore-database.ts";
import { createMember, exampleWorkspaceId } from "./test-actors.ts";

/** Runs one query and returns its rows. */
type Query = (sql: string) => Promise<Record<string, unknown>[]>;

/** Every table of the public schema, each as its rows in JSON, ordered by that JSON. */
async function readEveryTable(query: Query): Promise<Map<string, string[]>> {
  const tables = await query(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  const contents = new Map<string, string[]>();
  for (const { table_name } of tables) {
    const name = String(table_name);
    const rows = await query(`SELECT row_to_json(t)::text AS row FROM "${name.replaceAll('"', '""')}" t ORDER BY 1`);
    contents.set(name, rows.map((r) => String(r.row)));
  }
  return contents;
}

/** Adds changes beyond the seed: a member, a renamed dossier, a user's name with odd characters. */
async function changeSomething(db: Db): Promise<void> {
  const workspaceId = await exampleWorkspaceId(db);
  const member = await createMember(db, workspaceId, "reviewer", "Zoë «quoted» \\ back'slash");
  const dossier = await db.dossier.findFirstOrThrow({ where: { workspaceId } });
  await db.dossier.update({ where: { id: dossier.id }, data: { title: `${dossier.title} — restored ✓` } });
  await db.user.update({ where: { id: member.userId }, data: { name: "Line one\nLine two\ttab" } });
}

function expectSameTables(before: Map<string, string[]>, after: Map<string, string[]>): void {
  expect([...after.keys()]).toEqual([...before.keys()]);
  for (const [table, rows] of before) expect(after.get(table), table).toEqual(rows);
  // The comparison means something: the seed filled several tables.
  expect([...before.values()].filter((rows) => rows.length > 0).length).toBeGreaterThan(5);
}

async function refusal(promise: Promise<unknown>): Promise<BackupError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(BackupError);
    return error as BackupError;
  }
  throw new Error("expected a refusal");
}

const scratch = mkdtempSync(path.join(tmpdir(), "attest-backup-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("backup and restore of the embedded database", () => {
  const source = path.join(scratch, "source");
  const target = path.join(scratch, "target");
  const file = path.join(scratch, "embedded.tar.gz");

  async function pgliteTables(dataDir: string): Promise<Map<string, string[]>> {
    const pglite = await PGlite.create(path.join(dataDir, "pglite"));
    try {
      return await readEveryTable(async (sql) => (await pglite.query<Record<string, unknown>>(sql)).rows);
    } finally {
      await pglite.close();
    }
  }

  it("restores a seeded and changed database into an empty folder, every table row for row", async () => {
    const { prisma, database } = await connectDatabase({ kind: "pglite", dataDir: source }, { seed: true });
    try {
      await changeSomething(prisma);
    } finally {
      await prisma.$disconnect();
      await database.close();
    }
    const backup = await backupDatabase({ kind: "pglite", dataDir: source }, file);
    expect(backup.bytes).toBeGreaterThan(0);
    await restoreDatabase({ kind: "pglite", dataDir: target }, file);
    expectSameTables(await pgliteTables(source), await pgliteTables(target));
    expect(existsSync(path.join(target, "attest.lock"))).toBe(false);
  });

  it("refuses to restore over a database without --force, and replaces it with --force", async () => {
    const error = await refusal(restoreDatabase({ kind: "pglite", dataDir: target }, file));
    expect(error.message).toContain("already holds a database");
    await restoreDatabase({ kind: "pglite", dataDir: target }, file, { force: true });
    expectSameTables(await pgliteTables(source), await pgliteTables(target));
  });

  it("refuses a folder a running process holds, for backup and for restore", async () => {
    const release = lockFolder(source);
    // The lock is re-entrant within a process: pretend another, live process holds it.
    release();
    writeFileSync(path.join(source, "attest.lock"), String(process.ppid));
    try {
      const backup = await refusal(backupDatabase({ kind: "pglite", dataDir: source }, path.join(scratch, "busy.tar.gz")));
      expect(backup.toLine()).toMatch(/already open by another process .*stop the app/);
      const restore = await refusal(restoreDatabase({ kind: "pglite", dataDir: source }, file, { force: true }));
      expect(restore.message).toContain("already open by another process");
      expect(existsSync(path.join(scratch, "busy.tar.gz"))).toBe(false);
    } finally {
      rmSync(path.join(source, "attest.lock"), { force: true });
    }
  });

  it("never overwrites an existing backup file", async () => {
    const error = await refusal(backupDatabase({ kind: "pglite", dataDir: source }, file));
    expect(error.message).toContain("already exists");
  });

  it("refuses a file that is not a backup, leaving the target untouched", async () => {
    const junk = path.join(scratch, "junk.tar.gz");
    writeFileSync(junk, "not a tarball");
    const fresh = path.join(scratch, "fresh");
    await refusal(restoreDatabase({ kind: "pglite", dataDir: fresh }, junk));
    expect(existsSync(path.join(fresh, "pglite"))).toBe(false);
  });

  it("refuses a folder without a database to back up", async () => {
    const error = await refusal(backupDatabase({ kind: "pglite", dataDir: path.join(scratch, "nothing") }, path.join(scratch, "none.tar.gz")));
    expect(error.message).toContain("no embedded database");
  });
});

const serverUrl = process.env.TEST_DATABASE_URL;

describe.runIf(serverUrl)("backup and restore of PostgreSQL", () => {
  const created: string[] = [];

  async function admin(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  async function newDatabase(): Promise<string> {
    const name = `attest_test_${randomUUID().replaceAll("-", "")}`;
    await admin(`CREATE DATABASE ${name}`);
    created.push(name);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    return url.toString();
  }

  async function postgresTables(url: string): Promise<Map<string, string[]>> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await readEveryTable(async (sql) => (await client.query(sql)).rows);
    } finally {
      await client.end();
    }
  }

  afterAll(async () => {
    for (const name of created) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it("restores a seeded and changed database into an empty one, every table row for row, and refuses a full one", async () => {
    const sourceUrl = await newDatabase();
    const { prisma, database } = await connectDatabase({ kind: "postgres", url: sourceUrl }, { seed: true });
    try {
      await changeSomething(prisma);
    } finally {
      await prisma.$disconnect();
      await database.close();
    }
    const file = path.join(scratch, "postgres.dump");
    await backupDatabase({ kind: "postgres", url: sourceUrl }, file);
    const targetUrl = await newDatabase();
    await restoreDatabase({ kind: "postgres", url: targetUrl }, file);
    const before = await postgresTables(sourceUrl);
    expectSameTables(before, await postgresTables(targetUrl));

    const error = await refusal(restoreDatabase({ kind: "postgres", url: targetUrl }, file));
    expect(error.message).toMatch(/already holds \d+ tables/);
    await restoreDatabase({ kind: "postgres", url: targetUrl }, file, { force: true });
    expectSameTables(before, await postgresTables(targetUrl));
  });
});
