// Prisma CLI configuration. Generation never runs the native schema engine, so point the CLI at
// an existing file to stop it from trying to download one; migrations go through scripts/db-*.ts.
import path from "node:path";
import { defineConfig } from "prisma/config";

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "package.json");

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
});
