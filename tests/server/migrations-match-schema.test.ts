// The migrations in prisma/migrations build exactly the schema prisma/schema.prisma describes.
import { describe, expect, it } from "vitest";
import { diffMigrationsToSchema } from "@/server/db/diff-migrations-to-schema.ts";

describe("migrations", () => {
  it("leave nothing of prisma/schema.prisma unmigrated (else: npm run db:migration -- NAME)", async () => {
    expect(await diffMigrationsToSchema()).toBe("");
  });
});
