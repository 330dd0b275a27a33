import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { versionContents } from "@/server/documents/version-contents.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

describe("versionContents", () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
  });
  afterAll(async () => t?.drop());

  it("answers each version's stored text and blocks, the second time without reading the database", async () => {
    const stored = await t.db.documentVersion.findMany({ select: { id: true, text: true, blocks: true } });
    expect(stored.length).toBeGreaterThan(1);
    const ids = stored.map((v) => v.id);
    const first = await versionContents(t.db, ids);
    for (const v of stored) expect(first.get(v.id)).toEqual({ text: v.text, blocks: v.blocks });

    let reads = 0;
    const counting = new Proxy(t.db, {
      get: (target, key) => (key === "documentVersion" ? ((reads++, target.documentVersion)) : Reflect.get(target, key)),
    });
    const second = await versionContents(counting, ids);
    expect(reads).toBe(0);
    for (const id of ids) expect(second.get(id)).toBe(first.get(id));
  });

  it("leaves out an unknown version", async () => {
    const found = await versionContents(t.db, ["00000000-0000-4000-8000-000000000009"]);
    expect(found.size).toBe(0);
  });
});
