// Co-editing a briefing's shared draft: who may join, persistence across a restart, two instances over Redis, reconnection, saving a version.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { BRIEFING_META } from "@/core/briefing/briefing-room.ts";
import { commitBriefingDraft } from "@/server/collab/commit-briefing-draft.ts";
import type { DossierSubscriber } from "@/server/live/dossier-hub.ts";
import { setProcessDatabase } from "@/server/db/process-database.ts";
import { createTestDatabase, type TestDatabase } from "../test-database.ts";
import { serveTestDatabase, signUpThroughRoute } from "../route-session.ts";
import { appendParagraph, draftClaimIds, draftText, join, startCollab, typeAtStart, until, type RunningCollab } from "./collab-harness.ts";

describe("co-editing the briefing", () => {
  let t: TestDatabase;
  let documentId: string;
  let workspaceId: string;
  const users: Record<"owner" | "editor" | "viewer", { cookie: string; userId: string }> = {} as never;
  const running: RunningCollab[] = [];
  const leaving: { provider: { destroy(): void } }[] = [];
  const db = async () => t.db;

  const start = async (options: Partial<Parameters<typeof startCollab>[0]> = {}) => {
    const collab = await startCollab({ db, ...options });
    running.push(collab);
    return collab;
  };
  const open = (collab: RunningCollab, who: keyof typeof users | null, events?: Parameters<typeof join>[3]) => {
    const joined = join(collab.url, documentId, who ? users[who].cookie : null, events);
    leaving.push(joined);
    return joined;
  };
  const synced = (joined: ReturnType<typeof join>) => until(() => joined.provider.isSynced, "the draft to arrive");

  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
    serveTestDatabase(t);
    const briefing = await t.db.document.findFirstOrThrow({ where: { kind: "briefing" }, select: { id: true, dossier: { select: { workspaceId: true } } } });
    documentId = briefing.id;
    workspaceId = briefing.dossier.workspaceId;
    // The first account owns the example's workspace.
    users.owner = await signUpThroughRoute("owner@example.test");
    users.editor = await signUpThroughRoute("editor@example.test");
    users.viewer = await signUpThroughRoute("viewer@example.test");
    await t.db.membership.create({ data: { workspaceId, userId: users.editor.userId, role: "editor" } });
    await t.db.membership.create({ data: { workspaceId, userId: users.viewer.userId, role: "viewer" } });
  });
  afterEach(async () => {
    for (const joined of leaving.splice(0)) joined.provider.destroy();
    for (const collab of running.splice(0)) await collab.stop();
  });
  afterAll(async () => {
    setProcessDatabase(undefined);
    await t?.drop();
  });

  it("refuses someone signed out, and someone outside the workspace", async () => {
    const collab = await start();
    const outsider = await signUpThroughRoute("outsider@example.test");
    const reasons: string[] = [];
    open(collab, null, { onAuthenticationFailed: (reason) => reasons.push(`anonymous: ${reason}`) });
    const stranger = join(collab.url, documentId, outsider.cookie, { onAuthenticationFailed: (reason) => reasons.push(`outsider: ${reason}`) });
    leaving.push(stranger);
    await until(() => reasons.length === 2, "both to be refused");
    expect(reasons.sort()).toEqual([expect.stringMatching(/^anonymous: /), expect.stringMatching(/^outsider: /)]);
    expect(stranger.provider.isSynced).toBe(false);
  });

  it("lets a viewer watch but not write: their changes never reach the draft", async () => {
    const collab = await start();
    const editor = open(collab, "editor");
    const viewer = open(collab, "viewer");
    await synced(editor);
    await synced(viewer);
    expect(draftText(viewer.doc)).toBe(draftText(editor.doc));

    typeAtStart(viewer.doc, "Viewer words. ");
    typeAtStart(editor.doc, "Editor words. ");
    await until(() => draftText(viewer.doc).includes("Editor words."), "the editor's words to reach the viewer");
    // The editor's change arrived after the viewer's; the viewer's never did.
    expect(draftText(editor.doc)).not.toContain("Viewer words.");
  });

  it("shows each editor the other's words, and keeps them across a server restart", async () => {
    const first = await start();
    const a = open(first, "owner");
    const b = open(first, "editor");
    await synced(a);
    await synced(b);
    typeAtStart(a.doc, "Owner was here. ");
    appendParagraph(b.doc, "Editor added this sentence.");
    await until(() => draftText(a.doc).includes("Editor added this sentence.") && draftText(b.doc).includes("Owner was here."), "both edits on both sides");
    // Stored after the debounce, without any flush.
    await until(async () => {
      const row = await t.db.briefingDraft.findUnique({ where: { documentId } });
      if (!row) return false;
      const stored = new Y.Doc();
      Y.applyUpdate(stored, row.state);
      return draftText(stored) === draftText(a.doc);
    }, "the draft to be stored");
    await first.stop();
    running.splice(running.indexOf(first), 1);

    const second = await start();
    const c = open(second, "editor");
    await synced(c);
    expect(draftText(c.doc)).toContain("Owner was here.");
    expect(draftText(c.doc)).toContain("Editor added this sentence.");
  });

  it("keeps two instances in step through Redis", async () => {
    const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
    const prefix = `attest-test-${randomUUID()}`;
    const one = await start({ redisUrl, redisPrefix: prefix });
    const two = await start({ redisUrl, redisPrefix: prefix });
    const a = open(one, "owner");
    const b = open(two, "editor");
    await synced(a);
    await synced(b);
    typeAtStart(a.doc, "From instance one. ");
    await until(() => draftText(b.doc).includes("From instance one."), "instance two to see instance one's edit");
    appendParagraph(b.doc, "From instance two.");
    await until(() => draftText(a.doc).includes("From instance two."), "instance one to see instance two's edit");
  });

  it("sends what was typed during a dropped connection once it is back", async () => {
    const collab = await start();
    const a = open(collab, "owner");
    const b = open(collab, "editor");
    await synced(a);
    await synced(b);
    const statuses: string[] = [];
    a.provider.on("status", ({ status }: { status: string }) => statuses.push(status));
    // Cut every socket of the owner's provider from the server side, mid-edit.
    typeAtStart(a.doc, "Before the cut. ");
    await until(() => draftText(b.doc).includes("Before the cut."), "the first edit");
    const sockets = [...collab.server.webSocketServer.clients] as { terminate(): void }[];
    expect(sockets.length).toBe(2);
    // Both providers are cut: neither can pass the other's edit along.
    for (const socket of sockets) socket.terminate();
    await until(() => statuses.includes("disconnected"), "the owner's provider to notice the cut");
    typeAtStart(a.doc, "Typed while cut off. ");
    appendParagraph(b.doc, "Typed by the editor meanwhile.");
    await until(() => draftText(b.doc).includes("Typed while cut off.") && draftText(a.doc).includes("Typed by the editor meanwhile."), "both edits after reconnection", 15_000);
    expect(draftText(a.doc)).toBe(draftText(b.doc));
  });

  it("closes the connection of someone whose access ended", async () => {
    const subscribers: DossierSubscriber[] = [];
    const collab = await start({ subscribe: async (_dossierId, subscriber) => (subscribers.push(subscriber), () => {}) });
    const member = await signUpThroughRoute("leaving@example.test");
    await t.db.membership.create({ data: { workspaceId, userId: member.userId, role: "editor" } });
    const refused: string[] = [];
    const joined = join(collab.url, documentId, member.cookie, { onAuthenticationFailed: (reason) => refused.push(reason) });
    leaving.push(joined);
    await synced(joined);
    await until(() => subscribers.length > 0, "the connection to listen for ended access");
    await t.db.membership.delete({ where: { workspaceId_userId: { workspaceId, userId: member.userId } } });
    const statuses: string[] = [];
    joined.provider.on("status", ({ status }: { status: string }) => statuses.push(status));
    for (const subscriber of subscribers) subscriber.accessEnded?.(member.userId);
    await until(() => statuses.includes("disconnected"), "the connection to close");
    // Reconnecting is refused: the membership is gone.
    await until(() => refused.length > 0, "the reconnection to be refused", 15_000);
  });

  it("saves the draft with both editors' changes as the next version, keeps claim ids, and marks the new claims in the draft", async () => {
    const collab = await start();
    const a = open(collab, "owner");
    const b = open(collab, "editor");
    await synced(a);
    await synced(b);
    const before = new Set((await t.db.claim.findMany({ where: { documentId, retiredAt: null }, select: { id: true } })).map((c) => c.id));
    typeAtStart(a.doc, "Commit test: the owner's sentence comes first. ");
    appendParagraph(b.doc, "The editor's closing sentence is new.");
    await until(() => draftText(a.doc) === draftText(b.doc) && draftText(a.doc).includes("closing sentence"), "the edits to converge");

    const actor = { kind: "user" as const, userId: users.editor.userId, name: "editor", email: "editor@example.test" };
    const saved = await commitBriefingDraft(t.db, collab.server.hocuspocus, { documentId, actor });
    expect(saved.created).toBe(true);
    const version = await t.db.documentVersion.findUniqueOrThrow({ where: { id: saved.versionId } });
    expect(version.text).toContain("Commit test: the owner's sentence comes first.");
    expect(version.text).toContain("The editor's closing sentence is new.");
    const live = await t.db.claim.findMany({ where: { documentId, retiredAt: null }, select: { id: true, text: true } });
    const kept = live.filter((c) => before.has(c.id));
    expect(kept.length).toBeGreaterThan(before.size - 3);
    const added = live.filter((c) => !before.has(c.id));
    expect(added.map((c) => c.text)).toEqual(expect.arrayContaining(["Commit test: the owner's sentence comes first.", "The editor's closing sentence is new."]));

    // Both editors' drafts move onto the new version, with the new claims marked.
    await until(() => a.doc.getMap(BRIEFING_META).get("baseVersionId") === saved.versionId, "the owner's draft to be rebased");
    await until(() => added.every((c) => draftClaimIds(b.doc).includes(c.id)), "the new claims to be marked in the editor's draft");
    expect(draftText(a.doc)).toBe(version.text);
    expect(new Set(draftClaimIds(a.doc))).toEqual(new Set(live.map((c) => c.id)));
    await until(async () => (await t.db.briefingDraft.findUnique({ where: { documentId } }))?.baseVersionId === saved.versionId, "the stored draft's base to move");
  });
});
