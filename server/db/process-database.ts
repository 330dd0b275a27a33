// The slot on globalThis that holds the process's one open database.
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { OpenDatabase } from "./open-database.ts";

/** An open, migrated database and its Prisma client. */
export interface ReadyDatabase {
  prisma: PrismaClient;
  database: OpenDatabase;
}

// On globalThis so that every copy of the server code in the process (the server entry and the
// bundles Next.js builds) shares one client, and with it one lock on an embedded database.
const KEY = Symbol.for("attest.database");
const holder = globalThis as { [KEY]?: Promise<ReadyDatabase> };

/** The process's database, if it was opened. */
export function processDatabase(): Promise<ReadyDatabase> | undefined {
  return holder[KEY];
}

/** Records (or, with `undefined`, forgets) the process's database. */
export function setProcessDatabase(ready: Promise<ReadyDatabase> | undefined): void {
  if (ready) holder[KEY] = ready;
  else delete holder[KEY];
}
