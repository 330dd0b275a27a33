// Lets pg-boss run its statements inside a Prisma transaction, so a job is queued only if the change that asks for it commits.
import type PgBoss from "pg-boss";
import type { Tx } from "../db.ts";

/**
 * pg-boss's `db` option over a Prisma transaction. Prisma binds plain objects as text, so they
 * are sent as JSON (pg-boss casts its job data to jsonb); arrays, strings, numbers and dates go
 * through as they are.
 */
export function sqlInTransaction(tx: Tx): PgBoss.Db {
  return {
    async executeSql(text, values) {
      const args = (values ?? []).map((v: unknown) => (v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date) ? JSON.stringify(v) : v));
      return { rows: await tx.$queryRawUnsafe<Record<string, unknown>[]>(text, ...args) };
    },
  };
}
