import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BriefingJsonNode } from "@/core/briefing/briefing-json.ts";
import { briefingToJson } from "@/core/briefing/briefing-to-json.ts";
import { jsonToBriefing } from "@/core/briefing/json-to-briefing.ts";
import type { Block } from "@/core/text/types.ts";
import { saveBriefingEdit } from "@/server/documents/save-briefing-edit.ts";
import { createLink } from "@/server/links/create-link.ts";
import type { Actor } from "@/server/policies/actor.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";
import { createMember, exampleWorkspaceId } from "./test-actors.ts";

/** Applies `change` to every text node of a Tiptap document, keeping each node's marks. */
function mapText(node: BriefingJsonNode, change: (text: string) => string): BriefingJsonNode {
  if (node.type === "text") return { ...node, text: change(node.text ?? "") };
  return node.content ? { ...node, content: node.content.map((child) => mapText(child, change)) } : node;
}

/** Drops every text node that carries the claim's mark (its text is deleted). */
function dropMarked(node: BriefingJsonNode, claimId: string): BriefingJsonNode {
  if (!node.content) return node;
  const content = node.content.filter((c) => !(c.type === "text" && c.marks?.some((m) => m.attrs?.id === claimId))).map((c) => dropMarked(c, claimId));
  return { ...node, content };
}

describe("saveBriefingEdit: editing the briefing in place", () => {
  let t: TestDatabase;
  let dossierId: string;
  let briefingId: string;
  let editor: Actor;

  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
    dossierId = (await t.db.dossier.findFirstOrThrow()).id;
    editor = await createMember(t.db, await exampleWorkspaceId(t.db), "editor");
    briefingId = (await t.db.document.findFirstOrThrow({ where: { dossierId, kind: "briefing" } })).id;
  });
  afterAll(async () => t?.drop());

  /** The latest briefing version as the editor opens it. */
  async function open() {
    const version = await t.db.documentVersion.findFirstOrThrow({ where: { documentId: briefingId }, orderBy: { number: "desc" } });
    const claims = await t.db.claim.findMany({ where: { documentId: briefingId, retiredAt: null }, orderBy: { order: "asc" }, select: { id: true, start: true, end: true } });
    return { version, json: briefingToJson(version.text, version.blocks as unknown as Block[], claims) };
  }
  /** What the editor posts for a Tiptap document edited from `baseVersionId`. */
  function editOf(baseVersionId: string, json: BriefingJsonNode) {
    const { document, claims } = jsonToBriefing(json);
    return { baseVersionId, text: document.text, blocks: document.blocks, claims };
  }
  const claimWith = (fragment: string) =>
    t.db.claim.findFirstOrThrow({ where: { documentId: briefingId, text: { contains: fragment } }, orderBy: { createdAt: "asc" }, include: { links: true } });

  it("keeps a claim's id and links when a typo inside it is fixed", async () => {
    const claim = await claimWith("surveillance intellegence");
    const source = await t.db.documentVersion.findFirstOrThrow({ where: { document: { dossierId, kind: "source" } } });
    const link = await createLink(t.db, { actor: editor, claimId: claim.id, link: { versionId: source.id, start: 0, end: 20 } });
    const { version, json } = await open();

    const saved = await saveBriefingEdit(t.db, { actor: editor, documentId: briefingId, edit: editOf(version.id, mapText(json, (s) => s.replace("intellegence", "intelligence"))) });

    expect(saved).toMatchObject({ created: true, number: version.number + 1, claims: { added: 0, retired: 0 } });
    const after = await t.db.claim.findUniqueOrThrow({ where: { id: claim.id }, include: { links: true } });
    expect(after).toMatchObject({ versionId: saved.versionId, retiredAt: null, order: claim.order, section: claim.section, topic: claim.topic });
    expect(after.text).toBe(claim.text.replace("intellegence", "intelligence"));
    const text = (await t.db.documentVersion.findUniqueOrThrow({ where: { id: saved.versionId } })).text;
    expect(text.slice(after.start, after.end)).toBe(after.text);
    expect(after.links.find((l) => l.id === link.id)).toMatchObject({ state: "accepted", verdict: "supports", start: 0, end: 20 });
    const log = await t.db.activity.findMany({ where: { OR: [{ entityId: claim.id }, { entityId: briefingId }] }, orderBy: { at: "asc" } });
    expect(log.map((a) => a.action)).toEqual(expect.arrayContaining(["claim.edited", "document.edited"]));
  });

  it("makes a new claim of an inserted sentence", async () => {
    const { version, json } = await open();
    const before = await t.db.claim.count({ where: { documentId: briefingId, retiredAt: null } });
    const added = { type: "paragraph", content: [{ type: "text", text: "Cartel revenue from fentanyl doubled in 2024." }] };
    const saved = await saveBriefingEdit(t.db, { actor: editor, documentId: briefingId, edit: editOf(version.id, { ...json, content: [...json.content!, added] }) });

    expect(saved.claims).toEqual({ kept: before, added: 1, retired: 0 });
    const claim = await claimWith("Cartel revenue from fentanyl doubled");
    expect(claim).toMatchObject({ kind: "number", order: before, versionId: saved.versionId, retiredAt: null });
    expect(await t.db.activity.count({ where: { entityId: claim.id, action: "claim.added" } })).toBe(1);
    // Search finds the new text, and only the latest version's.
    expect(await t.db.passage.count({ where: { versionId: saved.versionId, text: { contains: "Cartel revenue from fentanyl doubled" } } })).toBe(1);
    expect(await t.db.passage.count({ where: { version: { documentId: briefingId }, versionId: { not: saved.versionId } } })).toBe(0);
  });

  it("retires a claim whose sentence was deleted", async () => {
    const claim = await claimWith("Fentanyl labs emit detectable chemicals");
    const { version, json } = await open();
    const saved = await saveBriefingEdit(t.db, { actor: editor, documentId: briefingId, edit: editOf(version.id, dropMarked(json, claim.id)) });

    expect(saved.claims).toMatchObject({ added: 0, retired: 1 });
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } })).retiredAt).not.toBeNull();
    const live = await t.db.claim.findMany({ where: { documentId: briefingId, retiredAt: null }, orderBy: { order: "asc" } });
    expect(live.map((c) => c.order)).toEqual(live.map((_, i) => i));
  });

  it("makes no version when the text is unchanged", async () => {
    const { version, json } = await open();
    expect(await saveBriefingEdit(t.db, { actor: editor, documentId: briefingId, edit: editOf(version.id, json) })).toEqual({
      versionId: version.id,
      number: version.number,
      created: false,
    });
  });

  it("answers conflict, naming the newer version, when the edit started from an older one, and stores nothing", async () => {
    const { version: latest } = await open();
    const older = await t.db.documentVersion.findFirstOrThrow({ where: { documentId: briefingId, number: latest.number - 1 } });
    const json = briefingToJson(older.text, older.blocks as unknown as Block[], []);
    const versions = await t.db.documentVersion.count();
    const attempt = saveBriefingEdit(t.db, { actor: editor, documentId: briefingId, edit: editOf(older.id, mapText(json, (s) => s.replace("Mexico", "México"))) });
    await expect(attempt).rejects.toMatchObject({ code: "conflict", details: { versionId: latest.id, number: latest.number } });
    await expect(attempt).rejects.toThrow(/newer version of this briefing \(version \d+\)/);
    expect(await t.db.documentVersion.count()).toBe(versions);
  });

  it.each([
    { role: "reviewer" as const, code: "forbidden" },
    { role: "viewer" as const, code: "forbidden" },
  ])("refuses a $role ($code)", async ({ role, code }) => {
    const actor = await createMember(t.db, await exampleWorkspaceId(t.db), role);
    const { version, json } = await open();
    await expect(saveBriefingEdit(t.db, { actor, documentId: briefingId, edit: editOf(version.id, mapText(json, (s) => s.replace("Mexico", "México"))) })).rejects.toMatchObject({ code });
  });

  it("answers not_found to a member of another workspace", async () => {
    const elsewhere = (await t.db.workspace.create({ data: { name: "Elsewhere", slug: "elsewhere-briefing-edit" } })).id;
    const stranger = await createMember(t.db, elsewhere, "owner");
    const { version, json } = await open();
    await expect(saveBriefingEdit(t.db, { actor: stranger, documentId: briefingId, edit: editOf(version.id, json) })).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses bad input with a clear error and stores nothing", async () => {
    const { version, json } = await open();
    const good = editOf(version.id, mapText(json, (s) => s.replace("Mexico", "México")));
    const source = await t.db.document.findFirstOrThrow({ where: { dossierId, kind: "source" } });
    const outsider = (await t.db.claim.create({
      data: { dossierId, documentId: briefingId, versionId: version.id, start: 0, end: 1, text: "x", kind: "statement", order: 999, retiredAt: new Date() },
    })).id;
    const cases = [
      { name: "text not canonical", edit: { ...good, text: good.text.replace(" ", "  ") }, message: /canonical|past the end/ },
      { name: "a claim past the end", edit: { ...good, claims: [{ id: good.claims[0].id, start: 0, end: good.text.length + 5 }] }, message: /past the end/ },
      { name: "a claim listed twice", edit: { ...good, claims: [good.claims[0], good.claims[0]] }, message: /twice/ },
      { name: "a retired claim", edit: { ...good, claims: [{ id: outsider, start: 0, end: 3 }] }, message: /not a live claim/ },
      { name: "no text", edit: { ...good, text: " ", blocks: [], claims: [] }, message: /no text/ },
      { name: "a block without a level", edit: { ...good, blocks: good.blocks.map((b) => ({ ...b, level: undefined })) }, message: /level/ },
      { name: "a base that is no version of it", edit: { ...good, baseVersionId: (await t.db.documentVersion.findFirstOrThrow({ where: { documentId: source.id } })).id }, message: /not a version/ },
    ];
    const versions = await t.db.documentVersion.count();
    for (const { edit, message } of cases) {
      const attempt = saveBriefingEdit(t.db, { actor: editor, documentId: briefingId, edit });
      await expect(attempt).rejects.toMatchObject({ code: "invalid_input" });
      await expect(attempt).rejects.toThrow(message);
    }
    await expect(saveBriefingEdit(t.db, { actor: editor, documentId: source.id, edit: good })).rejects.toThrow(/Only a briefing/);
    expect(await t.db.documentVersion.count()).toBe(versions);
  });
});
