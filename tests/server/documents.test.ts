import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDocumentVersion } from "@/server/documents/add-document-version.ts";
import { addSource } from "@/server/documents/add-source.ts";
import { refreshSuggestions } from "@/server/suggestions/refresh-suggestions.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";
import { createMember, exampleWorkspaceId } from "./test-actors.ts";
import type { Actor } from "@/server/policies/actor.ts";
import { NEWS_REPORT } from "./news-report.ts";

const report = NEWS_REPORT;

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

  it("re-anchors more links and span notes than one statement writes, each once", async () => {
    // 1,203 accepted links and 1,002 span notes: more than a thousand of each, so the updates span statements.
    const sentences = Array.from({ length: 2205 }, (_, i) => `Sentence ${i + 1} reports ${(i * 7919) % 10007} crossings in district ${i + 1}.`);
    const added = await addSource(t.db, { actor, dossierId, document: { from: "text", text: sentences.join(" ") }, metadata: { title: "Many anchors" } });
    const v1 = await t.db.documentVersion.findFirstOrThrow({ where: { documentId: added.documentId } });
    const claim = await claimByText("(140 analysts)");
    const spans = sentences.map((s) => ({ start: v1.text.indexOf(s), end: v1.text.indexOf(s) + s.length }));
    const selector = (s: { start: number; end: number }) => ({
      exact: v1.text.slice(s.start, s.end),
      prefix: v1.text.slice(Math.max(0, s.start - 32), s.start),
      suffix: v1.text.slice(s.end, s.end + 32),
      ...s,
    });
    await t.db.link.createMany({
      data: spans.slice(0, 1203).map((s) => ({ claimId: claim.id, versionId: v1.id, ...selector(s), origin: "manual" as const, state: "accepted" as const, verdict: "supports" as const })),
    });
    const author = actor.kind === "user" ? actor.userId : null;
    await t.db.annotation.createMany({
      data: spans.slice(1203).map((s, i) => ({
        dossierId,
        versionId: v1.id,
        target: "span" as const,
        authorId: author,
        body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `Note ${i}` }] }] },
        bodyText: `Note ${i}`,
        anchorStatus: "anchored" as const,
        ...selector(s),
      })),
    });
    const before = new Date();

    // The new version opens with a new sentence, rewords sentence 600 and drops sentence 1,500.
    const edited = ["A new first sentence.", ...sentences.map((s, i) => (i === 599 ? s.replace("crossings", "arrivals") : s)).filter((_, i) => i !== 1499)].join(" ");
    const result = await addDocumentVersion(t.db, { actor, documentId: added.documentId, document: { from: "text", text: edited } });
    const counts = result.anchors!;
    expect(counts).toEqual({ anchored: 2203, changed: 1, orphaned: 1 });

    // Every anchor was written once (revision 2): moved with its text, or orphaned on the old version as it was.
    const links = await t.db.link.findMany({ where: { claimId: claim.id, origin: "manual", versionId: { in: [v1.id, result.versionId] } } });
    const notes = await t.db.annotation.findMany({ where: { dossierId, target: "span", bodyText: { startsWith: "Note " } } });
    expect(links).toHaveLength(1203);
    expect(notes).toHaveLength(1002);
    const anchors = [...links.map((l) => ({ ...l, kind: "link" })), ...notes.map((n) => ({ ...n, kind: "note", previousExact: null }))];
    for (const anchor of anchors) {
      expect(anchor.revision).toBe(2);
      expect(anchor.updatedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
      if (anchor.anchorStatus === "orphaned") {
        expect(anchor.versionId).toBe(v1.id);
        expect(sentences).toContain(anchor.exact);
      } else {
        expect(anchor.versionId).toBe(result.versionId);
        expect(edited.slice(anchor.start!, anchor.end!)).toBe(anchor.exact);
        if (anchor.kind === "link") expect(anchor.previousExact === null).toBe(anchor.anchorStatus === "anchored");
      }
    }
    for (const status of ["anchored", "changed", "orphaned"] as const) expect(anchors.filter((a) => a.anchorStatus === status)).toHaveLength(counts[status]);
    expect(links.every((l) => l.state === "accepted" && l.verdict === "supports")).toBe(true);
    // The dropped sentence's note has nowhere to go.
    expect(notes.find((n) => n.exact === sentences[1499])).toMatchObject({ anchorStatus: "orphaned", versionId: v1.id });
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
