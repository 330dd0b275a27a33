import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPublishedDossierOrThrow } from "@/server/dossiers/get-dossier-or-throw.ts";
import { setPublished } from "@/server/dossiers/set-published.ts";
import type { Actor } from "@/server/policies/actor.ts";
import { createMember, exampleWorkspaceId } from "./test-actors.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

describe("setPublished", () => {
  let t: TestDatabase;
  let dossierId: string;
  let owner: Actor;
  let editor: Actor;

  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
    dossierId = (await t.db.dossier.findFirstOrThrow()).id;
    owner = await createMember(t.db, await exampleWorkspaceId(t.db), "owner");
    editor = await createMember(t.db, await exampleWorkspaceId(t.db), "editor");
  });
  afterAll(async () => t?.drop());

  const tokenOf = (path: string | null) => path!.replace("/p/", "");

  it("seeds the example published, readable by its link", async () => {
    const { publishToken } = await t.db.dossier.findUniqueOrThrow({ where: { id: dossierId } });
    expect(publishToken).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect((await getPublishedDossierOrThrow(t.db, publishToken!)).id).toBe(dossierId);
  });

  it("gives a fresh link on publishing, so an earlier one stops working, and logs it", async () => {
    const { publishToken: old } = await t.db.dossier.findUniqueOrThrow({ where: { id: dossierId } });
    const { publishedPath } = await setPublished(t.db, { dossierId, change: { published: true }, actor: owner });
    expect(publishedPath).toMatch(/^\/p\/[A-Za-z0-9_-]{24}$/);
    expect((await getPublishedDossierOrThrow(t.db, tokenOf(publishedPath))).id).toBe(dossierId);
    await expect(getPublishedDossierOrThrow(t.db, old!)).rejects.toMatchObject({ code: "not_found" });
    expect((await t.db.activity.findFirstOrThrow({ where: { entityId: dossierId, action: "dossier.published" } })).after).toEqual({ published: true });
  });

  it("withdraws the link", async () => {
    const { publishToken } = await t.db.dossier.findUniqueOrThrow({ where: { id: dossierId } });
    expect(await setPublished(t.db, { dossierId, change: { published: false }, actor: owner })).toEqual({ publishedPath: null });
    await expect(getPublishedDossierOrThrow(t.db, publishToken!)).rejects.toMatchObject({ code: "not_found" });
  });

  it("lets only owners publish, changing nothing otherwise", async () => {
    const before = await t.db.dossier.findUniqueOrThrow({ where: { id: dossierId } });
    await expect(setPublished(t.db, { dossierId, change: { published: true }, actor: editor })).rejects.toMatchObject({ code: "forbidden" });
    expect((await t.db.dossier.findUniqueOrThrow({ where: { id: dossierId } })).publishToken).toBe(before.publishToken);
  });

  const badTokens = ["", "short", "../../etc/passwd", "x".repeat(200), "' OR 1=1 --"];
  for (const token of badTokens) {
    it(`answers not_found for the token ${JSON.stringify(token.slice(0, 20))}`, async () => {
      await expect(getPublishedDossierOrThrow(t.db, token)).rejects.toMatchObject({ code: "not_found" });
    });
  }
});
