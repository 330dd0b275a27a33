import { describe, expect, it } from "vitest";
import { openDatabase } from "@/server/db/open-database.ts";
import { StartupError } from "@/server/db/startup-error.ts";

describe("openDatabase", () => {
  it("names the unreachable PostgreSQL server and the fix, without the password", async () => {
    const attempt = openDatabase({ kind: "postgres", url: "postgresql://me:secret@127.0.0.1:1/attest" });
    await expect(attempt).rejects.toBeInstanceOf(StartupError);
    const line = await attempt.catch((e: StartupError) => e.toLine());
    expect(line).toContain("cannot reach PostgreSQL at 127.0.0.1:1/attest");
    expect(line).toContain("start the server or fix DATABASE_URL");
    expect(line).not.toContain("secret");
  });
});
