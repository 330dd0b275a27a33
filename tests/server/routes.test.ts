// The JSON routes, called as Next.js calls them: statuses, error bodies, and nothing stored on error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as dossierRoute from "@/app/api/v1/dossiers/[dossierId]/route.ts";
import * as sourcesRoute from "@/app/api/v1/dossiers/[dossierId]/sources/route.ts";
import * as versionsRoute from "@/app/api/v1/documents/[documentId]/versions/route.ts";
import * as editsRoute from "@/app/api/v1/documents/[documentId]/edits/route.ts";
import * as claimLinksRoute from "@/app/api/v1/claims/[claimId]/links/route.ts";
import * as decisionRoute from "@/app/api/v1/links/[linkId]/decision/route.ts";
import * as linkRoute from "@/app/api/v1/links/[linkId]/route.ts";
import { setProcessDatabase } from "@/server/db/process-database.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";
import { serveTestDatabase, signUpThroughRoute } from "./route-session.ts";

const params = <P>(p: P) => ({ params: Promise.resolve(p) });
const ORIGIN = "http://localhost:3000";
/** The session cookie of the signed-in test user. */
let cookie = "";
const json = (body: unknown, method = "POST", as = cookie) =>
  new Request(`${ORIGIN}/`, {
    method,
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json", cookie: as, origin: ORIGIN },
  });
const get = (as = cookie) => new Request(`${ORIGIN}/`, { headers: { cookie: as } });
const form = (data: FormData, as = cookie) => new Request(`${ORIGIN}/`, { method: "POST", body: data, headers: { cookie: as, origin: ORIGIN } });

const signUp = async (email: string) => (await signUpThroughRoute(email)).cookie;

describe("API routes", () => {
  let t: TestDatabase;
  let dossierId: string;

  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
    // The routes use the process's database, as they do under the server.
    serveTestDatabase(t);
    dossierId = (await t.db.dossier.findFirstOrThrow()).id;
    // The first account owns the example workspace.
    cookie = await signUp("owner@example.test");
  });
  afterAll(async () => {
    setProcessDatabase(undefined);
    await t?.drop();
  });

  it("GETs a dossier with its claims, links and coverage", async () => {
    const response = await dossierRoute.GET(get(), params({ dossierId }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.title).toBe("Fentanyl Crisis: US Military Response and Consequences");
    expect(body.coverage.total).toBe(body.claims.length);
    expect(body.claims.length).toBeGreaterThan(30);
  });

  const notFound = [
    { name: "a malformed dossier id", id: "nope" },
    { name: "an unknown dossier id", id: "00000000-0000-4000-8000-000000000000" },
  ];
  for (const { name, id } of notFound) {
    it(`answers 404 with an error body for ${name}`, async () => {
      const response = await dossierRoute.GET(get(), params({ dossierId: id }));
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: "not_found", message: "No such dossier." } });
    });
  }

  it("adds a source from a multipart upload and answers 201", async () => {
    const upload = new FormData();
    upload.set("from", "file");
    upload.set("file", new File(["# Report\n\nThe Mexican government has deployed 10,000 troops to the border."], "report.md", { type: "text/markdown" }));
    upload.set("author", "Staff");
    const response = await sourcesRoute.POST(form(upload), params({ dossierId }));
    expect(response.status).toBe(201);
    const body = await response.json();
    const doc = await t.db.document.findUniqueOrThrow({ where: { id: body.documentId } });
    expect(doc).toMatchObject({ title: "Report", author: "Staff", format: "markdown" });
  });

  it("answers 400 for a body that is not JSON, and 413 for a file over the limit", async () => {
    const before = await t.db.document.count();
    const notJson = await sourcesRoute.POST(json("{nope"), params({ dossierId }));
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.code).toBe("invalid_input");
    const upload = new FormData();
    upload.set("file", new File([new Uint8Array(5 * 1024 * 1024 + 10).fill(97)], "big.txt"));
    const big = await sourcesRoute.POST(form(upload), params({ dossierId }));
    expect(big.status).toBe(413);
    expect(await t.db.document.count()).toBe(before);
  });

  it("answers 404 for a version of an unknown document", async () => {
    const response = await versionsRoute.POST(json({ document: { from: "text", text: "x" } }), params({ documentId: "00000000-0000-4000-8000-000000000000" }));
    expect(response.status).toBe(404);
  });

  it("saves a briefing edited in place, then answers 409 with the latest version to an edit of the older one, and 400 to bad input", async () => {
    const briefing = await t.db.document.findFirstOrThrow({ where: { dossierId, kind: "briefing" }, include: { versions: { orderBy: { number: "desc" }, take: 1 } } });
    const base = briefing.versions[0];
    const claims = await t.db.claim.findMany({ where: { documentId: briefing.id, retiredAt: null }, select: { id: true, start: true, end: true } });
    const edit = { baseVersionId: base.id, text: `${base.text}\n\nA sentence added in the editor.`, blocks: [...(base.blocks as { kind: string; start: number; end: number }[]), { kind: "paragraph", start: base.text.length + 2, end: base.text.length + 33 }], claims };
    const saved = await editsRoute.POST(json(edit), params({ documentId: briefing.id }));
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ created: true, number: base.number + 1, claims: { kept: claims.length, added: 1, retired: 0 } });

    const stale = await editsRoute.POST(json({ ...edit, text: `${edit.text} Again.`, blocks: edit.blocks.map((b, i, all) => (i === all.length - 1 ? { ...b, end: b.end + 7 } : b)) }), params({ documentId: briefing.id }));
    expect(stale.status).toBe(409);
    expect((await stale.json()).error).toMatchObject({ code: "conflict", details: { number: base.number + 1 } });
    const bad = await editsRoute.POST(json({ ...edit, claims: "all of them" }), params({ documentId: briefing.id }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^claims: /);
  });

  it("creates, decides, re-decides with a stale revision (409), and deletes a link", async () => {
    const claim = await t.db.claim.findFirstOrThrow({ where: { dossierId, text: { contains: "10,000 troops" } } });
    const source = await t.db.documentVersion.findFirstOrThrow({ where: { document: { dossierId, kind: "source", title: "Report" } } });
    const start = source.text.indexOf("10,000");
    const created = await claimLinksRoute.POST(json({ versionId: source.id, start, end: start + 13 }), params({ claimId: claim.id }));
    expect(created.status).toBe(201);
    const link = await created.json();
    expect(link).toMatchObject({ exact: "10,000 troops", state: "accepted", verdict: "supports", revision: 1 });

    const decided = await decisionRoute.POST(json({ state: "accepted", verdict: "partial", revision: 1 }), params({ linkId: link.id }));
    expect(decided.status).toBe(200);
    expect(await decided.json()).toMatchObject({ verdict: "partial", revision: 2 });

    const stale = await decisionRoute.POST(json({ state: "rejected", revision: 1 }), params({ linkId: link.id }));
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.details.link).toMatchObject({ verdict: "partial", revision: 2 });

    const bad = await linkRoute.PATCH(json({ start: 5, end: 2, revision: 2 }, "PATCH"), params({ linkId: link.id }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^end: /);

    const deleted = await linkRoute.DELETE(json({ revision: 2 }, "DELETE"), params({ linkId: link.id }));
    expect(deleted.status).toBe(200);
    expect(await t.db.link.findUnique({ where: { id: link.id } })).toBeNull();
  });

  it("answers 401 to a request without a session, changing nothing", async () => {
    const before = await t.db.document.count();
    const response = await sourcesRoute.POST(json({ document: { from: "text", text: "x" } }, "POST", ""), params({ dossierId }));
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("unauthenticated");
    expect(await t.db.document.count()).toBe(before);
  });

  it("answers 404 to a member of another workspace for every id of this one", async () => {
    const stranger = await signUp("stranger@example.test");
    const claim = await t.db.claim.findFirstOrThrow({ where: { dossierId } });
    const link = await t.db.link.findFirstOrThrow({ where: { claim: { dossierId } } });
    const document = await t.db.document.findFirstOrThrow({ where: { dossierId } });
    const version = await t.db.documentVersion.findFirstOrThrow({ where: { documentId: document.id } });
    const before = await t.db.activity.count();
    const responses = [
      await dossierRoute.GET(get(stranger), params({ dossierId })),
      await sourcesRoute.POST(json({ document: { from: "text", text: "x" } }, "POST", stranger), params({ dossierId })),
      await versionsRoute.POST(json({ document: { from: "text", text: "x" } }, "POST", stranger), params({ documentId: document.id })),
      await editsRoute.POST(json({ baseVersionId: version.id, text: "x", blocks: [], claims: [] }, "POST", stranger), params({ documentId: document.id })),
      await claimLinksRoute.POST(json({ versionId: version.id, start: 0, end: 3 }, "POST", stranger), params({ claimId: claim.id })),
      await decisionRoute.POST(json({ state: "rejected", revision: link.revision }, "POST", stranger), params({ linkId: link.id })),
      await linkRoute.PATCH(json({ start: 0, end: 3, revision: link.revision }, "PATCH", stranger), params({ linkId: link.id })),
      await linkRoute.DELETE(json({ revision: link.revision }, "DELETE", stranger), params({ linkId: link.id })),
    ];
    expect(responses.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404]);
    expect(await t.db.activity.count()).toBe(before);
  });
});
