import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDatabaseConfig } from "@/server/db/database-config.ts";
import { StartupError } from "@/server/db/startup-error.ts";

describe("readDatabaseConfig", () => {
  it("uses embedded PGlite in ./data by default", () => {
    expect(readDatabaseConfig({})).toEqual({ kind: "pglite", dataDir: path.resolve("data") });
  });

  it("keeps PGlite's folder in DATA_DIR", () => {
    expect(readDatabaseConfig({ DATA_DIR: "/tmp/attest-x" })).toEqual({ kind: "pglite", dataDir: "/tmp/attest-x" });
  });

  it("switches to PostgreSQL when DATABASE_URL is set", () => {
    const url = "postgresql://me@db.example:5433/attest";
    expect(readDatabaseConfig({ DATABASE_URL: url, DATA_DIR: "/ignored" })).toEqual({ kind: "postgres", url });
  });

  const malformed = [
    { name: "not a URL", url: "postgresql://[db/attest", says: "not a valid URL" },
    { name: "a host and port without a scheme", url: "localhost:5432/attest", says: "must start with postgresql://" },
    { name: "another scheme", url: "mysql://me@db/attest", says: "must start with postgresql://" },
    { name: "no database", url: "postgresql://me@db:5432", says: "must name a host and a database" },
  ];
  for (const { name, url, says } of malformed) {
    it(`refuses a DATABASE_URL that is ${name}, in one line with the fix`, () => {
      let error: unknown;
      try {
        readDatabaseConfig({ DATABASE_URL: url });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(StartupError);
      const line = (error as StartupError).toLine();
      expect(line).toContain(says);
      expect(line).toContain("DATABASE_URL");
      expect(line).not.toContain("\n");
    });
  }
});
