import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/server/annotations/create-annotation.ts";
import { addDocumentVersion } from "@/server/documents/add-document-version.ts";
import { addSource } from "@/server/documents/add-source.ts";
import { createLink } from "@/server/links/create-link.ts";
import { decideLink } from "@/server/links/decide-link.ts";
import { listRecheckQueue, type RecheckItem } from "@/server/reviews/list-recheck-queue.ts";
import { resolveRecheck } from "@/server/reviews/resolve-recheck.ts";
import { createReviewFixture, type ReviewFixture } from "./review-fixture.ts";

const before = [
  "The Mexican government has deployed 10,000 troops to the border to combat smuggling along the northern states.",
  "Officials said the operation would last at least six months, according to the interior ministry.",
  "Unrelated weather news for the coast, with storms expected on Friday evening.",
].join("\n\n");
const after = [
  "The Mexican government has deployed 12,000 troops to the border to combat drug smuggling along the northern states.",
  "A spokesperson declined to comment further on the matter.",
  "Unrelated sports news for the coast, with storms expected on Friday evening.",
].join("\n\n");

const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

describe("the re-check queue after a new source version", () => {
  let f: ReviewFixture;
  let documentId: string;
  let ids: { troops: string; months: string; weather: string; smuggling: string; interior: string };

  beforeAll(async () => {
    f = await createReviewFixture();
    const source = await addSource(f.db, { dossierId: f.dossierId, document: { from: "text", text: before }, actor: f.owner.actor });
    documentId = source.documentId;
    const text = (await f.db.documentVersion.findUniqueOrThrow({ where: { id: source.versionId } })).text;
    const span = (needle: string) => ({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length });
    const claims = await f.db.claim.findMany({ where: { dossierId: f.dossierId }, orderBy: { order: "asc" }, take: 3 });
    const link = (i: number, needle: string) =>
      createLink(f.db, { claimId: claims[i].id, link: { versionId: source.versionId, ...span(needle) }, actor: f.owner.actor });
    const troops = await link(0, "has deployed 10,000 troops to the border");
    const months = await link(1, "the operation would last at least six months");
    const weather = await link(2, "Unrelated weather news for the coast, with storms expected");
    await decideLink(f.db, { linkId: weather.id, decision: { state: "rejected", revision: weather.revision }, actor: f.owner.actor });
    const note = (needle: string, body: string) =>
      createAnnotation(f.db, { dossierId: f.dossierId, annotation: { target: { kind: "span", versionId: source.versionId, ...span(needle) }, body: doc(body) }, actor: f.ada.actor });
    const smuggling = await note("to the border to combat smuggling along", "Which kind of smuggling?");
    const interior = await note("according to the interior ministry", "Named source?");
    ids = { troops: troops.id, months: months.id, weather: weather.id, smuggling: smuggling.id, interior: interior.id };
    await addDocumentVersion(f.db, { documentId, document: { from: "text", text: after }, actor: f.owner.actor });
  });
  afterAll(async () => f?.t.drop());

  const queue = () => listRecheckQueue(f.db, { dossierId: f.dossierId, actorId: f.ada.id });
  const item = async (id: string) => (await queue()).find((i) => i.id === id);

  it("lists changed and orphaned links and annotations with old text, new text and a word diff", async () => {
    const items = await queue();
    const summary = (i: RecheckItem) => [i.kind, i.anchorStatus, i.linkState, i.oldText, i.newText];
    expect(items.map(summary)).toEqual([
      ["link", "changed", "accepted", "has deployed 10,000 troops to the border", "has deployed 12,000 troops to the border"],
      ["link", "orphaned", "accepted", "the operation would last at least six months", null],
      ["link", "changed", "rejected", "Unrelated weather news for the coast, with storms expected", "Unrelated sports news for the coast, with storms expected"],
      ["annotation", "changed", null, "to the border to combat smuggling along", "to the border to combat drug smuggling along"],
      ["annotation", "orphaned", null, "according to the interior ministry", null],
    ]);
    expect(items[0].diff).toEqual([
      { op: "equal", text: "has deployed " },
      { op: "delete", text: "10,000" },
      { op: "insert", text: "12,000" },
      { op: "equal", text: " troops to the border" },
    ]);
    expect(items[1].diff).toBeNull();
    expect(items[3]).toMatchObject({ note: "Which kind of smuggling?", document: { id: documentId } });
  });

  const refusals = [
    { name: "confirming an orphaned link", target: () => ({ kind: "link" as const, linkId: ids.months }), action: "confirm" as const, code: "invalid_input" },
    { name: "confirming an orphaned annotation", target: () => ({ kind: "annotation" as const, annotationId: ids.interior }), action: "confirm" as const, code: "invalid_input" },
    { name: "a stale revision", target: () => ({ kind: "link" as const, linkId: ids.troops }), action: "confirm" as const, code: "conflict", stale: true },
  ];
  for (const { name, target, action, code, stale } of refusals) {
    it(`refuses ${name}, logging nothing`, async () => {
      const t = target();
      const current = (await item(t.kind === "link" ? t.linkId : t.annotationId))!;
      const logged = await f.db.activity.count();
      await expect(
        resolveRecheck(f.db, { dossierId: f.dossierId, target: t, resolution: { action, revision: current.revision + (stale ? 1 : 0) }, actorId: f.ada.id }),
      ).rejects.toMatchObject({ code });
      expect(await f.db.activity.count()).toBe(logged);
      expect(await item(current.id)).toEqual(current);
    });
  }

  it("does not reach a link through another dossier", async () => {
    await expect(
      resolveRecheck(f.db, { dossierId: f.otherDossierId, target: { kind: "link", linkId: ids.troops }, resolution: { action: "drop", revision: 1 }, actorId: f.ada.id }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("confirms a changed link on its new text: anchored, still accepted, off the queue, logged", async () => {
    const current = (await item(ids.troops))!;
    const result = await resolveRecheck(f.db, { dossierId: f.dossierId, target: { kind: "link", linkId: ids.troops }, resolution: { action: "confirm", revision: current.revision }, actorId: f.ada.id });
    expect(result).toMatchObject({ anchorStatus: "anchored", state: "accepted", revision: current.revision + 1 });
    expect(await f.db.link.findUniqueOrThrow({ where: { id: ids.troops } })).toMatchObject({ anchorStatus: "anchored", previousExact: null, state: "accepted" });
    expect(await item(ids.troops)).toBeUndefined();
    expect(await f.db.activity.findFirstOrThrow({ where: { entityId: ids.troops, action: "link.recheck_confirmed" } })).toMatchObject({
      actorId: f.ada.id,
      before: { anchorStatus: "changed", previousExact: "has deployed 10,000 troops to the border" },
      after: { anchorStatus: "anchored" },
    });
  });

  it("drops an orphaned link by rejecting it", async () => {
    const current = (await item(ids.months))!;
    await resolveRecheck(f.db, { dossierId: f.dossierId, target: { kind: "link", linkId: ids.months }, resolution: { action: "drop", revision: current.revision }, actorId: f.ada.id });
    expect(await f.db.link.findUniqueOrThrow({ where: { id: ids.months } })).toMatchObject({ state: "rejected", verdict: null, anchorStatus: "orphaned" });
    expect(await item(ids.months)).toBeUndefined();
  });

  it("re-links a rejected, changed link through adjustLink, which accepts it on the new span", async () => {
    const current = (await item(ids.weather))!;
    const latest = await f.db.documentVersion.findFirstOrThrow({ where: { documentId }, orderBy: { number: "desc" } });
    const start = latest.text.indexOf("storms expected on Friday");
    await resolveRecheck(f.db, {
      dossierId: f.dossierId,
      target: { kind: "link", linkId: ids.weather },
      resolution: { action: "relink", start, end: start + "storms expected on Friday".length, revision: current.revision },
      actorId: f.ada.id,
    });
    expect(await f.db.link.findUniqueOrThrow({ where: { id: ids.weather } })).toMatchObject({ state: "accepted", anchorStatus: "anchored", exact: "storms expected on Friday" });
    expect(await item(ids.weather)).toBeUndefined();
  });

  it("drops a changed annotation by resolving its thread, which keeps its place and status", async () => {
    const current = (await item(ids.smuggling))!;
    const result = await resolveRecheck(f.db, {
      dossierId: f.dossierId,
      target: { kind: "annotation", annotationId: ids.smuggling },
      resolution: { action: "drop", revision: current.revision },
      actorId: f.ada.id,
    });
    expect(result).toMatchObject({ resolved: true, anchorStatus: "changed" });
    expect(await f.db.annotation.findUniqueOrThrow({ where: { id: ids.smuggling } })).toMatchObject({ resolved: true, anchorStatus: "changed", bodyText: "Which kind of smuggling?" });
    expect(await item(ids.smuggling)).toBeUndefined();
  });

  it("re-links an orphaned annotation to a span of the latest version", async () => {
    const current = (await item(ids.interior))!;
    const latest = await f.db.documentVersion.findFirstOrThrow({ where: { documentId }, orderBy: { number: "desc" } });
    const start = latest.text.indexOf("A spokesperson");
    await resolveRecheck(f.db, {
      dossierId: f.dossierId,
      target: { kind: "annotation", annotationId: ids.interior },
      resolution: { action: "relink", start, end: start + "A spokesperson".length, revision: current.revision },
      actorId: f.ada.id,
    });
    expect(await f.db.annotation.findUniqueOrThrow({ where: { id: ids.interior } })).toMatchObject({ versionId: latest.id, exact: "A spokesperson", anchorStatus: "anchored" });
    expect(await queue()).toEqual([]);
  });

  it("refuses to re-check what no longer waits for it", async () => {
    const link = await f.db.link.findUniqueOrThrow({ where: { id: ids.troops } });
    await expect(
      resolveRecheck(f.db, { dossierId: f.dossierId, target: { kind: "link", linkId: ids.troops }, resolution: { action: "drop", revision: link.revision }, actorId: f.ada.id }),
    ).rejects.toMatchObject({ code: "invalid_input" });
  });
});
