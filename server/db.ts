// The process's one database client: opened on first use, migrated, and seeded with the example.
import { PrismaClient, type Prisma } from "./generated/prisma/client.ts";
import { applyMigrations } from "./db/apply-migrations.ts";
import { readDatabaseConfig, type DatabaseConfig } from "./db/database-config.ts";
import { openDatabase, type OpenDatabase } from "./db/open-database.ts";
import { ensureExampleDossier } from "./examples/ensure-example-dossier.ts";

/** The Prisma client type the use cases receive. */
export type Db = PrismaClient;

/** A Prisma client inside a transaction. */
export type Tx = Prisma.TransactionClient;

interface Ready {
  prisma: Db;
  database: OpenDatabase;
}

// Kept on globalThis so that every copy of this module in the process (the server entry and the
// bundles Next.js builds) shares one client, and with it one lock on an embedded database.
const KEY = Symbol.for("attest.database");
type Holder = { [KEY]?: Promise<Ready> };
const holder = globalThis as Holder;

/** Opens a database, brings its schema up to date, and seeds the example dossier if it is missing. */
export async function connectDatabase(config: DatabaseConfig, options: { seed?: boolean } = {}): Promise<Ready> {
  const database = await openDatabase(config);
  try {
    await applyMigrations(database.factory);
    const prisma: Db = new PrismaClient({ adapter: database.factory });
    if (options.seed ?? true) await ensureExampleDossier(prisma);
    return { prisma, database };
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}

/** The process's database client, configured from the environment. */
export async function getDb(): Promise<Db> {
  holder[KEY] ??= connectDatabase(readDatabaseConfig()).catch((error: unknown) => {
    delete holder[KEY];
    throw error;
  });
  return (await holder[KEY]).prisma;
}

/** Closes the process's database client, if one is open. */
export async function closeDb(): Promise<void> {
  const pending = holder[KEY];
  if (!pending) return;
  delete holder[KEY];
  const { prisma, database } = await pending;
  await prisma.$disconnect();
  await database.close();
}
