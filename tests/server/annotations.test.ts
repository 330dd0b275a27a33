import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/server/annotations/create-annotation.ts";
import { listAnnotations } from "@/server/annotations/list-annotations.ts";
import { updateAnnotation } from "@/server/annotations/update-annotation.ts";
import { addDocumentVersion } from "@/server/documents/add-document-version.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";
import { createMember, exampleWorkspaceId } from "./test-actors.ts";
import type { Actor } from "@/server/policies/actor.ts";

const doc = (...texts: string[]) => ({ type: "doc", content: texts.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) });
const naughty: string[] = JSON.parse(readFileSync("tests/fixtures/text/blns.json", "utf8"));

describe("annotations", () => {
  let t: TestDatabase;
  let dossierId: string;
  let source: { id: string; documentId: string; text: string };
  let claimId: string;
  let actor: Actor;

  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
    dossierId = (await t.db.dossier.findFirstOrThrow()).id;
    actor = await createMember(t.db, await exampleWorkspaceId(t.db), "editor");
    source = await t.db.documentVersion.findFirstOrThrow({ where: { document: { kind: "source" } } });
    claimId = (await t.db.claim.findFirstOrThrow({ where: { dossierId, text: { contains: "140 analysts" } } })).id;
  });
  afterAll(async () => t?.drop());

  const spanOf = (needle: string) => {
    const start = source.text.indexOf(needle);
    return { kind: "span" as const, versionId: source.id, start, end: start + needle.length };
  };

  it("starts a thread on a span with its selectors, replies to it, and lists it in order", async () => {
    const thread = await createAnnotation(t.db, {
      actor,
      dossierId,
      annotation: { target: spanOf("harbinger of potential lethal strikes"), body: doc("Opinion, not reporting."), tags: ["framing"] },
    });
    await createAnnotation(t.db, { actor, dossierId, annotation: { parentId: thread.id, body: doc("Agreed.") } });
    await createAnnotation(t.db, { actor, dossierId, annotation: { target: { kind: "claim", claimId }, body: doc("Which report says 140?") } });
    const threads = await listAnnotations(t.db, { actor, dossierId });
    expect(threads.map((th) => th.bodyText)).toEqual(["Opinion, not reporting.", "Which report says 140?"]);
    expect(threads[0]).toMatchObject({ target: "span", tags: ["framing"], resolved: false, span: { exact: "harbinger of potential lethal strikes", anchorStatus: "anchored" } });
    expect(threads[0].replies.map((r) => r.bodyText)).toEqual(["Agreed."]);
    expect(threads[1]).toMatchObject({ target: "claim", claimId });
  });

  it("refuses replies to replies, empty notes, javascript: links and targets from elsewhere, storing nothing", async () => {
    const [thread] = await listAnnotations(t.db, { actor, dossierId });
    const before = await t.db.annotation.count();
    const attempts = [
      { annotation: { parentId: thread.replies[0].id, body: doc("x") }, code: "invalid_input" },
      { annotation: { target: spanOf("Mexico"), body: doc("   ") }, code: "invalid_input" },
      {
        annotation: { target: spanOf("Mexico"), body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }] } },
        code: "invalid_input",
      },
      { annotation: { target: { kind: "claim" as const, claimId: "00000000-0000-4000-8000-000000000000" }, body: doc("x") }, code: "not_found" },
      { annotation: { target: { ...spanOf("Mexico"), end: 1_000_000 }, body: doc("x") }, code: "invalid_input" },
      { annotation: { body: doc("x") }, code: "invalid_input" },
      { annotation: { target: spanOf("Mexico"), body: { type: "doc", content: [{ type: "script", text: "alert(1)" }] } }, code: "invalid_input" },
    ];
    for (const { annotation, code } of attempts) {
      await expect(createAnnotation(t.db, { actor, dossierId, annotation: annotation as never })).rejects.toMatchObject({ code });
    }
    expect(await t.db.annotation.count()).toBe(before);
    expect(await t.db.activity.count({ where: { entityType: "annotation" } })).toBe(3);
  });

  it("keeps every naughty string's text as written", async () => {
    const sample = naughty.filter((s) => s.trim()).slice(0, 120);
    for (const text of sample) {
      const { id } = await createAnnotation(t.db, { actor, dossierId, annotation: { target: { kind: "claim", claimId }, body: doc(text) } });
      const row = await t.db.annotation.findUniqueOrThrow({ where: { id } });
      expect(row.bodyText).toBe(text.trim());
    }
  });

  it("edits (marked edited, old text in history), resolves, reopens, tags, and refuses a stale revision", async () => {
    const [thread] = await listAnnotations(t.db, { actor, dossierId });
    let revision = thread.revision;
    ({ revision } = await updateAnnotation(t.db, { actor, annotationId: thread.id, update: { kind: "edit", change: { body: doc("Opinion, clearly."), revision } } }));
    ({ revision } = await updateAnnotation(t.db, { actor, annotationId: thread.id, update: { kind: "resolve", change: { resolved: true, revision } } }));
    expect((await listAnnotations(t.db, { actor, dossierId, filter: { status: "resolved" } })).map((th) => th.id)).toEqual([thread.id]);
    expect((await listAnnotations(t.db, { actor, dossierId, filter: { status: "open" } })).map((th) => th.id)).not.toContain(thread.id);
    ({ revision } = await updateAnnotation(t.db, { actor, annotationId: thread.id, update: { kind: "resolve", change: { resolved: false, revision } } }));
    ({ revision } = await updateAnnotation(t.db, { actor, annotationId: thread.id, update: { kind: "tag", change: { tags: ["framing", "opinion", "opinion"], revision } } }));
    const [after] = await listAnnotations(t.db, { actor, dossierId, filter: { tag: "opinion" } });
    expect(after).toMatchObject({ id: thread.id, bodyText: "Opinion, clearly.", resolved: false, tags: ["framing", "opinion"] });
    expect(after.editedAt).not.toBeNull();
    const history = await t.db.activity.findMany({ where: { entityId: thread.id }, orderBy: { at: "asc" } });
    expect(history.map((h) => h.action)).toEqual(["annotation.created", "annotation.edited", "annotation.resolved", "annotation.reopened", "annotation.tagged"]);
    expect(history[1].before).toMatchObject({ bodyText: "Opinion, not reporting." });
    await expect(updateAnnotation(t.db, { actor, annotationId: thread.id, update: { kind: "resolve", change: { resolved: true, revision: revision - 1 } } })).rejects.toMatchObject({ code: "conflict" });
    await expect(updateAnnotation(t.db, { actor, annotationId: thread.replies[0].id, update: { kind: "resolve", change: { resolved: true, revision: 1 } } })).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("deletes a reply as a placeholder that stays in its thread, its text kept in history", async () => {
    const [thread] = await listAnnotations(t.db, { actor, dossierId });
    const reply = thread.replies[0];
    await updateAnnotation(t.db, { actor, annotationId: reply.id, update: { kind: "delete", change: { revision: reply.revision } } });
    const [again] = await listAnnotations(t.db, { actor, dossierId });
    expect(again.replies).toHaveLength(1);
    expect(again.replies[0]).toMatchObject({ id: reply.id, deleted: true, bodyText: "" });
    const log = await t.db.activity.findFirstOrThrow({ where: { entityId: reply.id, action: "annotation.deleted" } });
    expect(log.before).toMatchObject({ bodyText: "Agreed." });
    await expect(updateAnnotation(t.db, { actor, annotationId: reply.id, update: { kind: "edit", change: { body: doc("back"), revision: reply.revision + 1 } } })).rejects.toMatchObject({ code: "conflict" });
  });

  it("follows a source edit, and lists an orphaned span thread with its last text", async () => {
    const edited = source.text.replace("harbinger of potential lethal strikes on drug labs", "warning sign");
    const result = await addDocumentVersion(t.db, { actor, documentId: source.documentId, document: { from: "text", text: edited } });
    expect(result.anchors?.orphaned).toBe(1);
    const [thread] = await listAnnotations(t.db, { actor, dossierId });
    expect(thread.span).toMatchObject({ anchorStatus: "orphaned", exact: "harbinger of potential lethal strikes", versionId: source.id });
  });
});
