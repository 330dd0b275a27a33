import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureExampleDossier } from "@/server/examples/ensure-example-dossier.ts";
import { getDossierOrThrow } from "@/server/dossiers/get-dossier-or-throw.ts";
import { listDossiers } from "@/server/dossiers/list-dossiers.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";
import { createMember, exampleWorkspaceId } from "./test-actors.ts";

describe("ensureExampleDossier", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.drop());

  it("seeds the example dossier once, however often it runs", async () => {
    await ensureExampleDossier(t.db);
    await ensureExampleDossier(t.db);
    const dossiers = await listDossiers(t.db, await createMember(t.db, await exampleWorkspaceId(t.db), "viewer"));
    expect(dossiers.map((d) => d.title)).toEqual(["Fentanyl Crisis: US Military Response and Consequences"]);
    expect(await t.db.document.count()).toBe(2);
    expect(await t.db.documentVersion.count()).toBe(2);
  });

  it("stores the post without the pasted briefing, and the briefing as its own document", async () => {
    const [summary] = await listDossiers(t.db, await createMember(t.db, await exampleWorkspaceId(t.db), "viewer"));
    const dossier = await getDossierOrThrow(t.db, summary.id, await createMember(t.db, await exampleWorkspaceId(t.db), "viewer"));
    expect(dossier.sources).toHaveLength(1);
    expect(dossier.briefings).toHaveLength(1);
    const [source] = dossier.sources;
    const [briefing] = dossier.briefings;
    expect(source.author).toBe("Crazy Old Gringo");
    expect(source.text).toContain("Mexico’s president Sheinbaum seems to think so too");
    expect(source.text).toContain("About Me");
    expect(source.text).not.toContain("Briefing Document");
    expect(source.text).not.toContain("140 analysts");
    expect(briefing.title).toBe("Briefing Document: US-Mexico Relations and the War on Cartels (February 2025)");
    expect(briefing.text).toContain("Creation of a special intelligence task force (140 analysts)");
    expect(briefing.text).not.toContain("About Me");
    expect(briefing.provenance).toMatch(/^Pasted by the blog's author into his post/);
    expect(briefing.embeddedInTitle).toBe(source.title);
  });

  it("keeps each version's hash and block offsets consistent with its text", async () => {
    const versions = await t.db.documentVersion.findMany();
    for (const v of versions) {
      expect(v.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
      const blocks = v.blocks as { start: number; end: number }[];
      expect(blocks.length).toBeGreaterThan(3);
      for (const b of blocks) {
        expect(0 <= b.start && b.start < b.end && b.end <= v.text.length).toBe(true);
        expect(v.text.slice(b.start, b.end).trim()).toBe(v.text.slice(b.start, b.end));
      }
    }
  });
});

describe("getDossierOrThrow", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.drop());

  const cases = [
    { name: "a malformed id", id: "not-an-id" },
    { name: "an unknown id", id: "00000000-0000-4000-8000-000000000000" },
    { name: "an injection attempt", id: "' OR 1=1 --" },
  ];
  for (const { name, id } of cases) {
    it(`answers not_found for ${name}`, async () => {
      await expect(getDossierOrThrow(t.db, id, await createMember(t.db, (await t.db.workspace.create({ data: { name: "W", slug: `w${Math.random()}` } })).id, "owner"))).rejects.toMatchObject({ code: "not_found" });
    });
  }
});
