import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adjustLink } from "@/server/links/adjust-link.ts";
import { createLink } from "@/server/links/create-link.ts";
import { decideLink } from "@/server/links/decide-link.ts";
import { deleteLink } from "@/server/links/delete-link.ts";
import { setReviewState } from "@/server/claims/set-review-state.ts";
import { addSource } from "@/server/documents/add-source.ts";
import { getDossierOrThrow } from "@/server/dossiers/get-dossier-or-throw.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";
import { createMember, exampleWorkspaceId } from "./test-actors.ts";
import { ANONYMOUS, type Actor } from "@/server/policies/actor.ts";

const report = "Troops\n\nThe Mexican government has deployed 10,000 troops to the border to combat smuggling.\n\nUnrelated weather news.";

describe("links: decide, create, adjust, delete; review states", () => {
  let t: TestDatabase;
  let dossierId: string;
  let sourceVersionId: string;
  let sourceText: string;
  let actor: Actor;

  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
    dossierId = (await t.db.dossier.findFirstOrThrow()).id;
    actor = await createMember(t.db, await exampleWorkspaceId(t.db), "reviewer");
    const added = await addSource(t.db, { actor: await createMember(t.db, await exampleWorkspaceId(t.db), "editor"), dossierId, document: { from: "text", text: report } });
    sourceVersionId = added.versionId;
    sourceText = (await t.db.documentVersion.findUniqueOrThrow({ where: { id: sourceVersionId } })).text;
  });
  afterAll(async () => t?.drop());

  const claim = (fragment: string) => t.db.claim.findFirstOrThrow({ where: { dossierId, text: { contains: fragment } } });
  const suggestionFor = async (fragment: string) =>
    t.db.link.findFirstOrThrow({ where: { claimId: (await claim(fragment)).id, state: "suggested" }, orderBy: { rank: "asc" } });

  it("accepts a suggestion with a verdict, which backs the claim in the view, and logs it", async () => {
    const link = await suggestionFor("deployed 10,000 troops");
    const decided = await decideLink(t.db, { actor, linkId: link.id, decision: { state: "accepted", verdict: "supports", revision: link.revision } });
    expect(decided).toMatchObject({ id: link.id, state: "accepted", verdict: "supports", revision: link.revision + 1, onLatestVersion: true });
    const view = await getDossierOrThrow(t.db, dossierId, actor);
    // The answer is the link exactly as a fresh read of the dossier shows it.
    expect(decided).toEqual(view.links.find((l) => l.id === link.id));
    const troops = view.claims.find((c) => c.text.includes("deployed 10,000 troops"))!;
    expect(troops.state).toBe("backed");
    expect(view.coverage.backed).toBe(1);
    const log = await t.db.activity.findFirstOrThrow({ where: { entityId: link.id } });
    expect(log).toMatchObject({ action: "link.accepted", before: { state: "suggested", verdict: null }, after: { state: "accepted", verdict: "supports" } });
  });

  it("refuses a stale revision with a conflict carrying the current link, changing nothing", async () => {
    const link = await t.db.link.findFirstOrThrow({ where: { state: "accepted" } });
    const attempt = decideLink(t.db, { actor, linkId: link.id, decision: { state: "rejected", revision: link.revision - 1 } });
    await expect(attempt).rejects.toMatchObject({ code: "conflict", details: { link: { id: link.id, state: "accepted", revision: link.revision } } });
    expect(await t.db.link.findUniqueOrThrow({ where: { id: link.id } })).toEqual(link);
  });

  it("refuses a viewer, someone outside the workspace and an unknown link, changing and logging nothing", async () => {
    const link = await t.db.link.findFirstOrThrow({ where: { state: "accepted" } });
    const logged = await t.db.activity.count();
    const viewer = await createMember(t.db, await exampleWorkspaceId(t.db), "viewer");
    const other = await t.db.workspace.create({ data: { name: "Elsewhere", slug: `elsewhere-${link.id.slice(0, 8)}` } });
    const outsider = await createMember(t.db, other.id, "owner");
    const decision = { state: "accepted" as const, verdict: "contradicts" as const, revision: link.revision };
    await expect(decideLink(t.db, { actor: viewer, linkId: link.id, decision })).rejects.toMatchObject({ code: "forbidden", message: /viewer/ });
    await expect(decideLink(t.db, { actor: outsider, linkId: link.id, decision })).rejects.toMatchObject({ code: "not_found" });
    await expect(decideLink(t.db, { actor, linkId: "00000000-0000-4000-8000-000000000000", decision })).rejects.toMatchObject({ code: "not_found" });
    await expect(decideLink(t.db, { actor: ANONYMOUS, linkId: link.id, decision })).rejects.toMatchObject({ code: "unauthenticated" });
    expect(await t.db.link.findUniqueOrThrow({ where: { id: link.id } })).toEqual(link);
    expect(await t.db.activity.count()).toBe(logged);
  });

  it("refuses a verdict on anything but an accepted link", async () => {
    const link = await t.db.link.findFirstOrThrow({ where: { state: "accepted" } });
    await expect(
      decideLink(t.db, { actor, linkId: link.id, decision: { state: "rejected", verdict: "supports", revision: link.revision } }),
    ).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("links a claim by hand to a span, with its selectors", async () => {
    const target = await claim("Fentanyl labs emit detectable chemicals");
    const start = sourceText.indexOf("deployed");
    const link = await createLink(t.db, { actor, claimId: target.id, link: { versionId: sourceVersionId, start, end: start + 8, verdict: "partial" } });
    expect(link).toMatchObject({ origin: "manual", state: "accepted", verdict: "partial", exact: "deployed", start, end: start + 8 });
    const row = await t.db.link.findUniqueOrThrow({ where: { id: link.id } });
    expect(sourceText.endsWith(row.suffix, start + 8 + row.suffix.length)).toBe(true);
    expect(sourceText.slice(start - row.prefix.length, start)).toBe(row.prefix);
  });

  const bad = [
    { name: "a span past the end", link: () => ({ versionId: sourceVersionId, start: 0, end: 10_000 }), code: "invalid_input" },
    { name: "an empty span", link: () => ({ versionId: sourceVersionId, start: 5, end: 5 }), code: "invalid_input" },
    { name: "a version of another dossier's document", link: () => ({ versionId: "00000000-0000-4000-8000-000000000000", start: 0, end: 4 }), code: "not_found" },
    { name: "a malformed version id", link: () => ({ versionId: "x", start: 0, end: 4 }), code: "invalid_input" },
  ];
  for (const { name, link, code } of bad) {
    it(`refuses a manual link to ${name}`, async () => {
      const target = await claim("Fentanyl labs emit detectable chemicals");
      const before = await t.db.link.count();
      await expect(createLink(t.db, { actor, claimId: target.id, link: link() })).rejects.toMatchObject({ code });
      expect(await t.db.link.count()).toBe(before);
    });
  }

  it("refuses to link to the briefing itself", async () => {
    const target = await claim("Fentanyl labs emit detectable chemicals");
    const briefing = await t.db.documentVersion.findFirstOrThrow({ where: { document: { kind: "briefing" } } });
    await expect(createLink(t.db, { actor, claimId: target.id, link: { versionId: briefing.id, start: 0, end: 5 } })).rejects.toMatchObject({ code: "not_found" });
  });

  it("adjusts a link's ends and logs both spans", async () => {
    const link = await t.db.link.findFirstOrThrow({ where: { origin: "manual" } });
    const start = sourceText.indexOf("10,000 troops");
    const adjusted = await adjustLink(t.db, { actor, linkId: link.id, span: { start, end: start + 13, revision: link.revision } });
    expect(adjusted).toMatchObject({ exact: "10,000 troops", start, revision: link.revision + 1 });
    const log = await t.db.activity.findFirstOrThrow({ where: { entityId: link.id, action: "link.adjusted" } });
    expect(log.before).toMatchObject({ exact: "deployed" });
  });

  it("deletes a manual link but only rejects a suggestion", async () => {
    const manual = await t.db.link.findFirstOrThrow({ where: { origin: "manual" } });
    expect(await deleteLink(t.db, { actor, linkId: manual.id, request: { revision: manual.revision } })).toEqual({ deleted: true, rejected: false });
    expect(await t.db.link.findUnique({ where: { id: manual.id } })).toBeNull();
    const suggested = await t.db.link.findFirst({ where: { state: "suggested" } });
    if (suggested) {
      expect(await deleteLink(t.db, { actor, linkId: suggested.id, request: { revision: suggested.revision } })).toEqual({ deleted: false, rejected: true });
      expect((await t.db.link.findUniqueOrThrow({ where: { id: suggested.id } })).state).toBe("rejected");
    }
  });

  it("marks a claim not in the sources, which the view shows as unbacked", async () => {
    const target = await claim("Joe Kent");
    const result = await setReviewState(t.db, { actorId: (actor as { userId: string }).userId, claimId: target.id, review: { reviewState: "not_in_sources", revision: target.revision } });
    expect(result).toEqual({ id: target.id, reviewState: "not_in_sources", revision: target.revision + 1 });
    const view = await getDossierOrThrow(t.db, dossierId, actor);
    expect(view.claims.find((c) => c.id === target.id)!.state).toBe("unbacked");
    await expect(setReviewState(t.db, { actorId: (actor as { userId: string }).userId, claimId: target.id, review: { reviewState: "verified", revision: target.revision } })).rejects.toMatchObject({ code: "conflict" });
  });
});
