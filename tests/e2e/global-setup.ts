// Global set-up of the browser tests: builds the app once when stale, and migrates and seeds a
// template data folder once per run, which `startApp` copies for each app it starts (rather than
// making each app create, migrate and seed its embedded database from nothing). The template is
// never opened again after this; each app gets a copy of its own.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { connectDatabase } from "@/server/db/connect-database.ts";
import { buildIfStale } from "@/scripts/build-if-stale.mjs";
import { DATA_TEMPLATE_ENV } from "./start-app.ts";

export default async function setup(): Promise<() => void> {
  const folder = mkdtempSync(path.join(tmpdir(), "attest-e2e-template-"));
  const template = path.join(folder, "data");
  // The build runs in another process meanwhile: the template is made in this one.
  const built = buildIfStale();
  const { prisma, database } = await connectDatabase({ kind: "pglite", dataDir: template }, { seed: true });
  await prisma.$disconnect();
  await database.close();
  const status = await built;
  if (status !== 0) throw new Error(`next build failed with status ${status}`);
  process.env[DATA_TEMPLATE_ENV] = template;
  return () => rmSync(folder, { recursive: true, force: true });
}
