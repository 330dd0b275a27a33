// Global set-up of the database tests: migrates (and seeds) two template databases once per run,
// which `createTestDatabase` copies for each test file instead of creating, migrating and seeding
// a database from nothing. The templates are never written after this; each file gets its own copy.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { applyMigrations } from "@/server/db/apply-migrations.ts";
import { connectDatabase } from "@/server/db/connect-database.ts";
import { ensureExampleDossier } from "@/server/examples/ensure-example-dossier.ts";
import { PrismaClient } from "@/server/generated/prisma/client.ts";
import { ensureSearchPassages } from "@/server/search/ensure-search-passages.ts";

/** A migrated template without the example dossier (`plain`) and one with it (`seeded`). */
export interface DatabaseTemplates {
  /** PGlite: files holding `dumpDataDir` tarballs. PostgreSQL: names of template databases. */
  kind: "pglite" | "postgres";
  plain: string;
  seeded: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplates: DatabaseTemplates;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const folder = mkdtempSync(path.join(tmpdir(), "attest-db-templates-"));
    const templates: DatabaseTemplates = { kind: "pglite", plain: path.join(folder, "plain.tar"), seeded: path.join(folder, "seeded.tar") };
    await Promise.all(
      ([["plain", false], ["seeded", true]] as const).map(async ([which, seed]) => {
        const pglite = await PGlite.create("memory://");
        try {
          const factory = new PrismaPGlite(pglite);
          await applyMigrations(factory);
          const prisma = new PrismaClient({ adapter: factory });
          if (seed) await ensureExampleDossier(prisma);
          await ensureSearchPassages(prisma);
          await prisma.$disconnect();
          const dump = await pglite.dumpDataDir("none");
          writeFileSync(templates[which], Buffer.from(await dump.arrayBuffer()));
        } finally {
          await pglite.close();
        }
      }),
    );
    project.provide("databaseTemplates", templates);
    return async () => rmSync(folder, { recursive: true, force: true });
  }

  const id = randomUUID().replaceAll("-", "");
  const templates: DatabaseTemplates = { kind: "postgres", plain: `attest_template_${id}_plain`, seeded: `attest_template_${id}_seeded` };
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    for (const [which, seed] of [["plain", false], ["seeded", true]] as const) {
      const name = templates[which];
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const { prisma, database } = await connectDatabase({ kind: "postgres", url: url.toString() }, { seed });
      await prisma.$disconnect();
      await database.close();
    }
  } catch (error) {
    await dropTemplates(admin, templates);
    await admin.end();
    throw error;
  }
  await admin.end();
  project.provide("databaseTemplates", templates);
  return async () => {
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    await dropTemplates(cleanup, templates);
    await cleanup.end();
  };
}

async function dropTemplates(client: pg.Client, templates: DatabaseTemplates): Promise<void> {
  for (const name of [templates.plain, templates.seeded]) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
