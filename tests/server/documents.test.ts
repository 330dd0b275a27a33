import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDocumentVersion } from "@/server/documents/add-document-version.ts";
import { addSource } from "@/server/documents/add-source.ts";
import { refreshSuggestions } from "@/server/suggestions/refresh-suggestions.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";
import { createMember, exampleWorkspaceId } from "./test-actors.ts";
import type { Actor } from "@/server/policies/actor.ts";

// A news report carrying some of the example briefing's facts, in a reporter's words.
const report = [
  "US expands surveillance of Mexican cartels",
  "",
  "The Pentagon has created a special intelligence task force of 140 analysts to analyze surveillance data gathered along the border.",
  "",
  "The Mexican government has deployed 10,000 troops to the border to combat smuggling, officials said on Tuesday.",
  "",
  "Weather in the capital was mild for the season.",
].join("\n");

describe("documents: sources and versions", () => {
  let t: TestDatabase;
  let dossierId: string;
  let briefingId: string;
  let actor: Actor;

  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
    const dossier = await t.db.dossier.findFirstOrThrow();
    dossierId = dossier.id;
    actor = await createMember(t.db, await exampleWorkspaceId(t.db), "editor");
    briefingId = (await t.db.document.findFirstOrThrow({ where: { dossierId, kind: "briefing" } })).id;
  });
  afterAll(async () => t?.drop());

  const claimByText = (fragment: string) =>
    t.db.claim.findFirstOrThrow({ where: { dossierId, retiredAt: null, text: { contains: fragment } }, include: { links: true } });

  it("attaches a pasted source and suggests its spans for the claims it backs", async () => {
    const added = await addSource(t.db, { actor, dossierId, document: { from: "text", text: report }, metadata: { author: "Staff reporter" } });
    const source = await t.db.document.findUniqueOrThrow({ where: { id: added.documentId } });
    expect(source).toMatchObject({ kind: "source", title: "US expands surveillance of Mexican cartels", author: "Staff reporter", position: 1 });
    const troops = await claimByText("deployed 10,000 troops");
    expect(troops.suggestedVerdict).not.toBe("unsupported");
    const best = troops.links.find((l) => l.rank === 0)!;
    expect(best).toMatchObject({ versionId: added.versionId, origin: "suggested", state: "suggested", anchorStatus: "anchored" });
    expect(best.exact).toContain("10,000 troops to the border");
    const text = (await t.db.documentVersion.findUniqueOrThrow({ where: { id: added.versionId } })).text;
    expect(text.slice(best.start, best.end)).toBe(best.exact);
    const log = await t.db.activity.findFirstOrThrow({ where: { entityId: added.documentId } });
    expect(log.action).toBe("document.added");
  });

  it("refuses bad input with a clear error and stores nothing", async () => {
    const before = await t.db.document.count();
    const cases = [
      { document: { from: "text" as const, text: "  \n\t " }, code: "invalid_input", message: /no text/i },
      { document: { from: "file" as const, filename: "x.txt", bytes: new Uint8Array([0x66, 0x00, 0x67]) }, code: "invalid_input", message: /binary/i },
      { document: { from: "file" as const, filename: "x.txt", bytes: new Uint8Array([0xc3, 0x28]) }, code: "invalid_input", message: /UTF-8/i },
      { document: { from: "file" as const, filename: "x.txt", bytes: new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61) }, code: "too_large", message: /limit/i },
      { document: { from: "url" as const, url: "http://127.0.0.1:9/private" }, code: "invalid_input", message: /private|not allowed|public/i },
      { document: { from: "url" as const, url: "javascript:alert(1)" }, code: "invalid_input", message: /http/i },
    ];
    for (const { document, code, message } of cases) {
      const attempt = addSource(t.db, { actor, dossierId, document });
      await expect(attempt).rejects.toMatchObject({ code });
      await expect(attempt).rejects.toThrow(message);
    }
    expect(await t.db.document.count()).toBe(before);
  });

  it("re-anchors accepted links into a new source version and recomputes suggestions", async () => {
    const task = await claimByText("(140 analysts)");
    const suggestion = task.links.find((l) => l.rank === 0)!;
    await t.db.link.update({ where: { id: suggestion.id }, data: { state: "accepted", verdict: "supports" } });
    const troops = await claimByText("deployed 10,000 troops");
    const troopsLink = troops.links.find((l) => l.rank === 0)!;
    await t.db.link.update({ where: { id: troopsLink.id }, data: { state: "accepted", verdict: "supports" } });
    const source = await t.db.documentVersion.findUniqueOrThrow({ where: { id: suggestion.versionId } });

    const edited = report
      .replace("The Pentagon", "Officials spoke on condition of anonymity.\n\nThe Pentagon")
      .replace("10,000 troops", "12,000 troops");
    const result = await addDocumentVersion(t.db, { actor, documentId: source.documentId, document: { from: "text", text: edited } });
    expect(result).toMatchObject({ created: true, number: 2 });

    const moved = await t.db.link.findUniqueOrThrow({ where: { id: suggestion.id } });
    expect(moved).toMatchObject({ versionId: result.versionId, state: "accepted", verdict: "supports", revision: 2 });
    const v2 = await t.db.documentVersion.findUniqueOrThrow({ where: { id: result.versionId } });
    expect(v2.text.slice(moved.start, moved.end)).toBe(moved.exact);
    expect(moved.exact).toContain("special intelligence task force of 140 analysts");

    const changed = await t.db.link.findUniqueOrThrow({ where: { id: troopsLink.id } });
    expect(changed.anchorStatus).toBe("changed");
    expect(changed.previousExact).toContain("10,000 troops");
    expect(changed.exact).toContain("12,000 troops");
    expect(result.anchors).toEqual({ anchored: 1, changed: 1, orphaned: 0 });
  });

  it("orphans a link whose text was deleted, keeping it on the old version with its text", async () => {
    const task = await claimByText("(140 analysts)");
    const accepted = task.links.find((l) => l.state === "accepted")!;
    const current = await t.db.documentVersion.findUniqueOrThrow({ where: { id: accepted.versionId } });
    const without = current.text.replace(/[^\n]*140 analysts[^\n]*\n\n/, "");
    expect(without).not.toContain("140 analysts");
    const result = await addDocumentVersion(t.db, { actor, documentId: current.documentId, document: { from: "text", text: without } });
    const orphan = await t.db.link.findUniqueOrThrow({ where: { id: accepted.id } });
    expect(orphan).toMatchObject({ anchorStatus: "orphaned", versionId: current.id, state: "accepted", exact: accepted.exact });
    expect(result.anchors?.orphaned).toBe(1);
  });

  it("makes no version when the text is unchanged", async () => {
    const doc = await t.db.document.findFirstOrThrow({ where: { dossierId, kind: "source", position: 1 }, include: { versions: { orderBy: { number: "desc" }, take: 1 } } });
    const result = await addDocumentVersion(t.db, { actor, documentId: doc.id, document: { from: "text", text: doc.versions[0].text } });
    expect(result).toEqual({ versionId: doc.versions[0].id, number: doc.versions[0].number, created: false });
  });

  it("never overwrites accepted or rejected links when suggestions are recomputed", async () => {
    const decided = await t.db.link.findMany({ where: { state: { not: "suggested" } }, orderBy: { id: "asc" } });
    expect(decided.length).toBeGreaterThan(0);
    await t.db.$transaction((tx) => refreshSuggestions(tx, dossierId));
    expect(await t.db.link.findMany({ where: { state: { not: "suggested" } }, orderBy: { id: "asc" } })).toEqual(decided);
  });

  it("keeps claim identity across briefing versions: a typo fix keeps the claim and its links", async () => {
    const briefing = await t.db.documentVersion.findFirstOrThrow({ where: { documentId: briefingId }, orderBy: { number: "desc" } });
    const task = await claimByText("(140 analysts)");
    const toRemove = await claimByText("Fentanyl labs emit detectable chemicals");
    const fixed = briefing.text
      .replace("surveillance intellegence", "surveillance intelligence")
      .replace(/[^\n]*Fentanyl labs emit detectable chemicals[^\n]*\n\n/, "")
      .replace("Potential Implications:", "Potential Implications:\n\nA new claim about cartel finances in 2024.\n\n");
    const result = await addDocumentVersion(t.db, { actor, documentId: briefingId, document: { from: "text", text: fixed } });
    expect(result.claims).toMatchObject({ added: 1, retired: 1 });
    const typo = await claimByText("surveillance intelligence with Mexican officials");
    expect(typo.versionId).toBe(result.versionId);
    const sameTask = await claimByText("(140 analysts)");
    expect(sameTask.id).toBe(task.id);
    expect(sameTask.links.filter((l) => l.state === "accepted").map((l) => l.id)).toEqual(task.links.filter((l) => l.state === "accepted").map((l) => l.id));
    const retired = await t.db.claim.findUniqueOrThrow({ where: { id: toRemove.id } });
    expect(retired.retiredAt).not.toBeNull();
    await claimByText("cartel finances in 2024");
  });
});
