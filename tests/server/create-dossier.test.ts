import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDossier } from "@/server/dossiers/create-dossier.ts";
import { getDossierOrThrow } from "@/server/dossiers/get-dossier-or-throw.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";
import { createMember } from "./test-actors.ts";
import type { Actor } from "@/server/policies/actor.ts";

const briefing = `# Weekly briefing

## Key points

- The city council approved a budget of $2.4 billion on Monday.
- The mayor said "we will not raise taxes this year."

## Outlook

Analysts expect the vote to be challenged.`;

describe("createDossier", () => {
  let t: TestDatabase;
  let workspaceId: string;
  let actor: Actor;
  beforeAll(async () => {
    t = await createTestDatabase();
    workspaceId = (await t.db.workspace.create({ data: { name: "Newsroom", slug: "newsroom" } })).id;
    actor = await createMember(t.db, workspaceId, "editor");
  });
  afterAll(async () => t?.drop());

  it("creates the dossier from a Markdown briefing, with its claims, sections and kinds", async () => {
    const created = await createDossier(t.db, {
      actor,
      dossier: { workspaceId, provenance: "Sent by the news desk." },
      briefing: { from: "text", text: briefing, format: "markdown" },
    });
    expect(created.claims).toBe(3);
    const view = await getDossierOrThrow(t.db, created.dossierId, actor);
    expect(view.title).toBe("Weekly briefing");
    expect(view.briefings[0]).toMatchObject({ provenance: "Sent by the news desk.", kind: "briefing" });
    expect(view.sources).toEqual([]);
    expect(view.claims.map((c) => [c.section, c.kind])).toEqual([
      ["Key points", "number"],
      ["Key points", "quote"],
      ["Outlook", "statement"],
    ]);
    expect(view.coverage.total).toBe(3);
    expect((await t.db.dossier.findUniqueOrThrow({ where: { id: created.dossierId } })).slug).toBe("weekly-briefing");
  });

  it("gives a second dossier of the same title its own address", async () => {
    const created = await createDossier(t.db, { actor, dossier: { workspaceId }, briefing: { from: "text", text: briefing, format: "markdown" } });
    expect((await t.db.dossier.findUniqueOrThrow({ where: { id: created.dossierId } })).slug).toBe("weekly-briefing-2");
  });

  const refusals = [
    { name: "an empty briefing", dossier: () => ({ workspaceId }), briefing: { from: "text" as const, text: " " }, code: "invalid_input" },
    { name: "an unknown workspace", dossier: () => ({ workspaceId: "00000000-0000-4000-8000-000000000000" }), briefing: { from: "text" as const, text: "A claim." }, code: "not_found" },
    { name: "a malformed workspace id", dossier: () => ({ workspaceId: "x" }), briefing: { from: "text" as const, text: "A claim." }, code: "invalid_input" },
    { name: "a title over 300 characters", dossier: () => ({ workspaceId, title: "x".repeat(301) }), briefing: { from: "text" as const, text: "A claim." }, code: "invalid_input" },
  ];
  for (const { name, dossier, briefing: input, code } of refusals) {
    it(`refuses ${name} and stores nothing`, async () => {
      const before = await t.db.dossier.count();
      await expect(createDossier(t.db, { actor, dossier: dossier(), briefing: input })).rejects.toMatchObject({ code });
      expect(await t.db.dossier.count()).toBe(before);
    });
  }
});
