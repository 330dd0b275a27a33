// Migrating a PostgreSQL database leaves no advisory lock behind, so the next process to migrate (a second instance) does not wait for ever.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase } from "@/server/db/connect-database.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

describe("migration lock", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.drop());

  // PostgreSQL only (TEST_DATABASE_URL): PGlite has one connection, and one process.
  it.skipIf(!process.env.TEST_DATABASE_URL)("holds no advisory lock once the database is migrated, and a second process migrates at once", async () => {
    const locks = () =>
      t.db.$queryRaw<{ pid: number }[]>`
        SELECT l.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND a.datname = current_database()`;
    expect(await locks()).toEqual([]);
    const second = await connectDatabase({ kind: "postgres", url: t.url! }, { seed: false });
    try {
      expect(await locks()).toEqual([]);
    } finally {
      await second.prisma.$disconnect();
      await second.database.close();
    }
  }, 20_000);
});
