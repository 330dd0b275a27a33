// The annotation routes, called as Next.js calls them: a thread's life over HTTP, roles, and other workspaces.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as annotationsRoute from "@/app/api/v1/dossiers/[dossierId]/annotations/route.ts";
import * as membersRoute from "@/app/api/v1/dossiers/[dossierId]/members/route.ts";
import * as annotationRoute from "@/app/api/v1/annotations/[annotationId]/route.ts";
import * as resolutionRoute from "@/app/api/v1/annotations/[annotationId]/resolution/route.ts";
import * as tagsRoute from "@/app/api/v1/annotations/[annotationId]/tags/route.ts";
import { setProcessDatabase } from "@/server/db/process-database.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";
import { exampleWorkspaceId } from "./test-actors.ts";
import { serveTestDatabase, signUpThroughRoute } from "./route-session.ts";

const params = <P,>(p: P) => ({ params: Promise.resolve(p) });
const ORIGIN = "http://localhost:3000";
const json = (as: string, body: unknown, method = "POST") =>
  new Request(`${ORIGIN}/`, { method, body: JSON.stringify(body), headers: { "content-type": "application/json", cookie: as, origin: ORIGIN } });
const get = (as: string, query = "") => new Request(`${ORIGIN}/${query}`, { headers: { cookie: as } });
const doc = (text: string, marks?: unknown[]) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text, ...(marks ? { marks } : {}) }] }] });

const signUp = async (email: string) => (await signUpThroughRoute(email)).cookie;

describe("annotation routes", () => {
  let t: TestDatabase;
  let dossierId: string;
  let owner: string;
  let viewer: string;
  let stranger: string;
  let source: { id: string; text: string };
  let briefing: { id: string; text: string };
  let claimId: string;
  let linkId: string;

  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
    serveTestDatabase(t);
    dossierId = (await t.db.dossier.findFirstOrThrow()).id;
    owner = await signUp("owner@example.test");
    viewer = await signUp("viewer@example.test");
    stranger = await signUp("stranger@example.test");
    // The second account joins the example workspace as a viewer.
    const viewerUser = await t.db.user.findUniqueOrThrow({ where: { email: "viewer@example.test" } });
    await t.db.membership.create({ data: { workspaceId: await exampleWorkspaceId(t.db), userId: viewerUser.id, role: "viewer" } });
    source = await t.db.documentVersion.findFirstOrThrow({ where: { document: { dossierId, kind: "source" } }, orderBy: { createdAt: "desc" } });
    briefing = await t.db.documentVersion.findFirstOrThrow({ where: { document: { dossierId, kind: "briefing" } }, orderBy: { createdAt: "desc" } });
    claimId = (await t.db.claim.findFirstOrThrow({ where: { dossierId } })).id;
    linkId = (await t.db.link.findFirstOrThrow({ where: { claim: { dossierId } } })).id;
  });
  afterAll(async () => {
    setProcessDatabase(undefined);
    await t?.drop();
  });

  const create = (as: string, annotation: unknown) => annotationsRoute.POST(json(as, annotation), params({ dossierId }));
  const list = async (as = owner, query = "") => {
    const response = await annotationsRoute.GET(get(as, query), params({ dossierId }));
    expect(response.status).toBe(200);
    return response.json();
  };

  it("starts threads on a source span, a briefing span, a claim and a link, and lists them in document order", async () => {
    const at = (text: string, needle: string) => ({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length });
    const word = source.text.match(/\b\w{6,}\b/)![0];
    const briefingWord = briefing.text.match(/\b\w{6,}\b/)![0];
    const targets = [
      { kind: "link", linkId },
      { kind: "claim", claimId },
      { kind: "span", versionId: source.id, ...at(source.text, word) },
      { kind: "span", versionId: briefing.id, ...at(briefing.text, briefingWord) },
    ];
    for (const [i, target] of targets.entries()) {
      const response = await create(owner, { target, body: doc(`Note ${i}`, [{ type: "bold" }]), tags: i === 2 ? ["framing"] : [] });
      expect(response.status).toBe(201);
      expect(await response.json()).toMatchObject({ id: expect.any(String), revision: 1 });
    }
    const threads = await list();
    // Spans first (the briefing before the sources), then claim and link threads by claim order.
    expect(threads.slice(0, 2).map((th: { bodyText: string }) => th.bodyText)).toEqual(["Note 3", "Note 2"]);
    expect(threads[1]).toMatchObject({ target: "span", tags: ["framing"], span: { exact: word, anchorStatus: "anchored" }, body: doc("Note 2", [{ type: "bold" }]) });
    expect(threads.map((th: { target: string }) => th.target).sort()).toEqual(["claim", "link", "span", "span"]);
  });

  it("replies, edits (marked edited), resolves, reopens, retags and deletes (a placeholder stays), refusing a stale revision with 409", async () => {
    const thread = await (await create(owner, { target: { kind: "claim", claimId }, body: doc("Which report?") })).json();
    const reply = await (await create(viewer, { parentId: thread.id, body: doc("The March one.") })).json();
    expect(reply.revision).toBe(1);

    const edited = await annotationRoute.PATCH(json(owner, { body: doc("Which report, exactly?"), revision: 1 }, "PATCH"), params({ annotationId: thread.id }));
    expect(edited.status).toBe(200);
    expect(await edited.json()).toEqual({ id: thread.id, revision: 2 });
    const stale = await resolutionRoute.POST(json(owner, { resolved: true, revision: 1 }), params({ annotationId: thread.id }));
    expect(stale.status).toBe(409);
    expect((await resolutionRoute.POST(json(owner, { resolved: true, revision: 2 }), params({ annotationId: thread.id }))).status).toBe(200);
    expect((await list(owner, "?status=resolved")).map((th: { id: string }) => th.id)).toEqual([thread.id]);
    expect((await resolutionRoute.POST(json(owner, { resolved: false, revision: 3 }), params({ annotationId: thread.id }))).status).toBe(200);
    expect((await tagsRoute.PUT(json(owner, { tags: ["sourcing", "sourcing", "numbers"], revision: 4 }, "PUT"), params({ annotationId: thread.id }))).status).toBe(200);
    expect((await list(owner, "?tag=numbers")).map((th: { id: string }) => th.id)).toEqual([thread.id]);

    const deleted = await annotationRoute.DELETE(json(viewer, { revision: 1 }, "DELETE"), params({ annotationId: reply.id }));
    expect(deleted.status).toBe(200);
    const shown = (await list()).find((th: { id: string }) => th.id === thread.id);
    expect(shown).toMatchObject({ bodyText: "Which report, exactly?", editedAt: expect.any(String), resolved: false, tags: ["sourcing", "numbers"] });
    expect(shown.replies).toEqual([expect.objectContaining({ id: reply.id, deleted: true, bodyText: "" })]);
    const actions = await t.db.activity.findMany({ where: { entityType: "annotation", entityId: { in: [thread.id, reply.id] } }, select: { action: true } });
    expect(actions.map((a) => a.action).sort()).toEqual([
      "annotation.created",
      "annotation.replied",
      "annotation.edited",
      "annotation.resolved",
      "annotation.reopened",
      "annotation.tagged",
      "annotation.deleted",
    ].sort());
  });

  it("answers 400 for bodies with javascript: links, unknown nodes or no text, storing nothing", async () => {
    const before = await t.db.annotation.count();
    const bodies = [
      doc("click", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]),
      { type: "doc", content: [{ type: "image", attrs: { src: "x", onerror: "alert(1)" } }] },
      doc(" "),
      "<img src=x onerror=alert(1)>",
    ];
    for (const body of bodies) {
      const response = await create(owner, { target: { kind: "claim", claimId }, body });
      expect(response.status).toBe(400);
      expect((await response.json()).error.code).toBe("invalid_input");
    }
    expect(await t.db.annotation.count()).toBe(before);
  });

  it("lists the workspace's members for mentions, and lets a viewer annotate only while the workspace allows it", async () => {
    const response = await membersRoute.GET(get(viewer), params({ dossierId }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.members.map((m: { name: string }) => m.name)).toEqual(["owner", "viewer"]);
    expect(body.me).toMatchObject({ role: "viewer", mayAnnotate: true });

    await t.db.workspace.update({ where: { id: await exampleWorkspaceId(t.db) }, data: { viewersMayAnnotate: false } });
    expect((await (await membersRoute.GET(get(viewer), params({ dossierId }))).json()).me.mayAnnotate).toBe(false);
    const refused = await create(viewer, { target: { kind: "claim", claimId }, body: doc("May I?") });
    expect(refused.status).toBe(403);
    expect((await list(viewer)).length).toBeGreaterThan(0);
    await t.db.workspace.update({ where: { id: await exampleWorkspaceId(t.db) }, data: { viewersMayAnnotate: true } });
  });

  it("answers 403 when someone else edits a note, and 401 without a session", async () => {
    const [thread] = await list();
    const response = await annotationRoute.PATCH(json(viewer, { body: doc("Mine now"), revision: thread.revision }, "PATCH"), params({ annotationId: thread.id }));
    expect(response.status).toBe(403);
    expect((await annotationsRoute.GET(get(""), params({ dossierId }))).status).toBe(401);
  });

  it("answers 404 to a member of another workspace for every annotation route, changing nothing", async () => {
    const [thread] = await list();
    const before = await t.db.activity.count();
    const id = { annotationId: thread.id };
    const responses = [
      await annotationsRoute.GET(get(stranger), params({ dossierId })),
      await membersRoute.GET(get(stranger), params({ dossierId })),
      await create(stranger, { target: { kind: "claim", claimId }, body: doc("x") }),
      await create(stranger, { parentId: thread.id, body: doc("x") }),
      await annotationRoute.PATCH(json(stranger, { body: doc("x"), revision: thread.revision }, "PATCH"), params(id)),
      await annotationRoute.DELETE(json(stranger, { revision: thread.revision }, "DELETE"), params(id)),
      await resolutionRoute.POST(json(stranger, { resolved: true, revision: thread.revision }), params(id)),
      await tagsRoute.PUT(json(stranger, { tags: ["x"], revision: thread.revision }, "PUT"), params(id)),
    ];
    expect(responses.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404]);
    expect(await t.db.activity.count()).toBe(before);
  });
});
