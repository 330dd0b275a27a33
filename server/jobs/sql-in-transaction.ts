// Lets pg-boss run its statements inside a Prisma transaction, so a job is queued only if the change that asks for it commits.
import type PgBoss from "pg-boss";
import { Prisma } from "../generated/prisma/client.ts";
import type { Tx } from "../db.ts";

/**
 * pg-boss's `db` option over a Prisma transaction. pg-boss writes its statements with numbered
 * placeholders (`$1`, `$2`…); each becomes a bound parameter of a tagged Prisma query (never
 * text spliced into the SQL). Prisma binds plain objects as text, so they are sent as JSON
 * (pg-boss casts its job data to jsonb); arrays, strings, numbers and dates go through as they are.
 */
export function sqlInTransaction(tx: Tx): PgBoss.Db {
  return {
    async executeSql(text, values) {
      const args = (values ?? []).map((v: unknown) => (v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date) ? JSON.stringify(v) : v));
      return { rows: await tx.$queryRaw<Record<string, unknown>[]>(boundQuery(text, args)) };
    },
  };
}

/** `text` with its `$n` placeholders as bound parameters taken from `args`. */
export function boundQuery(text: string, args: readonly unknown[]): Prisma.Sql {
  const pieces = text.split(/\$(\d+)/);
  const strings: string[] = [];
  const values: unknown[] = [];
  for (let i = 0; i < pieces.length; i++) {
    if (i % 2 === 0) {
      strings.push(pieces[i]);
      continue;
    }
    const n = Number(pieces[i]);
    if (n < 1 || n > args.length) throw new RangeError(`The statement uses $${n} but has ${args.length} value(s).`);
    values.push(args[n - 1]);
  }
  return Prisma.sql(strings, ...values);
}
