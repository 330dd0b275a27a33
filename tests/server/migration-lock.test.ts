// The schema engine's migration lock on PostgreSQL is released once the migrations are applied,
// so a second process on the same database (another instance, a CLI) migrates at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase } from "@/server/db/connect-database.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

describe.skipIf(!process.env.TEST_DATABASE_URL)("the migration lock on PostgreSQL", () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.drop());

  it("is not left held by the migrating process, whose pool stays busy", async () => {
    // Keep the first process's pool in use, as its job queue does.
    await Promise.all(Array.from({ length: 5 }, () => t.db.$queryRaw`SELECT pg_sleep(0.05)::text`));
    const held = await t.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database
      WHERE l.locktype = 'advisory' AND l.granted AND d.datname = current_database()`;
    expect(held[0].n).toBe(0);

    const url = (t.database.config as { url: string }).url;
    const started = performance.now();
    const second = await connectDatabase({ kind: "postgres", url }, { seed: false });
    try {
      // Before, the second process waited for the first's pooled connection to be closed.
      expect(performance.now() - started).toBeLessThan(5_000);
    } finally {
      await second.prisma.$disconnect();
      await second.database.close();
    }
  });
});
