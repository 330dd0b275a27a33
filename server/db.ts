// The database client the use cases receive: the one the server opened for this process.
import type { Prisma, PrismaClient } from "./generated/prisma/client.ts";
import { processDatabase } from "./db/process-database.ts";

/** The Prisma client type the use cases receive. */
export type Db = PrismaClient;

/** A Prisma client inside a transaction. */
export type Tx = Prisma.TransactionClient;

/**
 * The process's database client. The server entry (`npm start`) opens, migrates and seeds it
 * before serving; code loaded without it fails clearly.
 */
export async function getDb(): Promise<Db> {
  const ready = processDatabase();
  if (!ready) throw new Error("The database is not open: run the app with `npm start` (or `npm run dev`).");
  return (await ready).prisma;
}
