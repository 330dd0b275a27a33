// Exporting a dossier (Web Annotations, Markdown, CSV) and importing Web Annotations back, through the use cases and the routes.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/v1/dossiers/[dossierId]/export/route.ts";
import * as importRoute from "@/app/api/v1/dossiers/[dossierId]/import/route.ts";
import { splitEmbeddedDocument } from "@/core/dossier/split-embedded-document.ts";
import type { AnnotationCollection } from "@/core/export/web-annotation.ts";
import { createAnnotation } from "@/server/annotations/create-annotation.ts";
import { setReviewState } from "@/server/claims/set-review-state.ts";
import { setProcessDatabase } from "@/server/db/process-database.ts";
import { addSource } from "@/server/documents/add-source.ts";
import { createDossier } from "@/server/dossiers/create-dossier.ts";
import { exportDossier } from "@/server/exports/export-dossier.ts";
import { importWebAnnotations } from "@/server/exports/import-web-annotations.ts";
import { createLink } from "@/server/links/create-link.ts";
import { decideLink } from "@/server/links/decide-link.ts";
import type { Actor } from "@/server/policies/actor.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";
import { createMember, exampleWorkspaceId } from "./test-actors.ts";
import { serveTestDatabase, signUpThroughRoute } from "./route-session.ts";

const ORIGIN = "http://localhost:3000";
const params = <P>(p: P) => ({ params: Promise.resolve(p) });
const get = (query: string, cookie: string) => new Request(`${ORIGIN}/api/v1/x/export${query}`, { headers: { cookie } });
const post = (body: unknown, cookie: string) =>
  new Request(`${ORIGIN}/`, { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body), headers: { "content-type": "application/json", cookie, origin: ORIGIN } });
const note = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

const signUp = async (email: string) => (await signUpThroughRoute(email)).cookie;

/** The collection with ids numbered by first appearance, and the times and the dossier's own address left out. */
function normalise(collection: AnnotationCollection): unknown {
  const ids = new Map<string, string>();
  const json = JSON.stringify({ ...collection, id: undefined }, (key, value) => (key === "created" || key === "modified" ? undefined : value));
  return JSON.parse(json.replace(/urn:uuid:[0-9a-f-]{36}/g, (id) => ids.get(id) ?? (ids.set(id, `id-${ids.size}`), `id-${ids.size - 1}`)));
}

describe("exports", () => {
  let t: TestDatabase;
  let dossierId: string;
  let workspaceId: string;
  let owner: Actor & { kind: "user" };
  let ownerCookie: string;

  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
    serveTestDatabase(t);
    dossierId = (await t.db.dossier.findFirstOrThrow()).id;
    workspaceId = await exampleWorkspaceId(t.db);
    ownerCookie = await signUp("owner@example.test");
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "owner@example.test" } });
    owner = { kind: "user", userId: user.id, name: user.name, email: user.email };

    // Decisions and notes worth carrying over: accepted suggestions, a link made by hand, a review state, notes and a reply.
    const suggestions = await t.db.link.findMany({ where: { claim: { dossierId }, state: "suggested" }, orderBy: [{ claim: { order: "asc" } }, { rank: "asc" }] });
    expect(suggestions.length).toBeGreaterThan(0);
    await decideLink(t.db, { linkId: suggestions[0].id, decision: { state: "accepted", verdict: "partial", revision: suggestions[0].revision }, actor: owner });
    const claims = await t.db.claim.findMany({ where: { dossierId }, orderBy: { order: "asc" } });
    const source = await t.db.documentVersion.findFirstOrThrow({ where: { document: { dossierId, kind: "source" } } });
    const start = source.text.indexOf("spy planes");
    const manual = await createLink(t.db, { claimId: claims[2].id, link: { versionId: source.id, start, end: start + 10, verdict: "contradicts" }, actor: owner });
    await setReviewState(t.db, { claimId: claims[3].id, review: { reviewState: "not_in_sources", revision: claims[3].revision }, actorId: owner.userId });
    await createAnnotation(t.db, { dossierId, annotation: { target: { kind: "span", versionId: source.id, start, end: start + 10 }, body: note("Which planes?"), tags: ["aircraft"] }, actor: owner });
    await createAnnotation(t.db, { dossierId, annotation: { target: { kind: "claim", claimId: claims[0].id }, body: note("Check the date.") }, actor: owner });
    const thread = await createAnnotation(t.db, { dossierId, annotation: { target: { kind: "link", linkId: manual.id }, body: note("Says the opposite.") }, actor: owner });
    await createAnnotation(t.db, { dossierId, annotation: { parentId: thread.id, body: note("Agreed.") }, actor: owner });
  });
  afterAll(async () => {
    setProcessDatabase(undefined);
    await t?.drop();
  });

  it("answers each format with its content type and a file name", async () => {
    const cases = [
      { format: "jsonld", type: /^application\/ld\+json; profile="http:\/\/www\.w3\.org\/ns\/anno\.jsonld"/, file: "fentanyl-crisis.jsonld" },
      { format: "md", type: /^text\/markdown; charset=utf-8/, file: "fentanyl-crisis.md" },
      { format: "csv", type: /^text\/csv; charset=utf-8/, file: "fentanyl-crisis.csv" },
    ];
    for (const { format, type, file } of cases) {
      const response = await exportRoute.GET(get(`?format=${format}`, ownerCookie), params({ dossierId }));
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(type);
      expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${file}"; filename*=UTF-8''${file}`);
    }
  });

  it("exports every live claim as a CSV row, with the hand-made link, its reviewer and time", async () => {
    const response = await exportRoute.GET(get("?format=csv", ownerCookie), params({ dossierId }));
    const [header, ...rows] = parse(await response.text(), { bom: true }) as string[][];
    const claims = await t.db.claim.findMany({ where: { dossierId, retiredAt: null }, orderBy: { order: "asc" } });
    expect(rows).toHaveLength(claims.length);
    const row = Object.fromEntries(header.map((h, i) => [h, rows[2][i]]));
    expect(row).toMatchObject({ Claim: claims[2].text, Verdict: "Contradicted", Evidence: "Contradicts", Quote: "spy planes", Reviewer: "owner" });
    expect(Date.parse(row.Time)).not.toBeNaN();
    expect(Object.fromEntries(header.map((h, i) => [h, rows[3][i]]))).toMatchObject({ Verdict: "Not found in the attached sources", "Review state": "Not in sources", Reviewer: "owner" });
  });

  it("exports Markdown with the briefing and a footnote per claim", async () => {
    const { body } = await exportDossier(t.db, { dossierId, format: "md", actor: owner });
    expect(body.startsWith("# Fentanyl Crisis: US Military Response and Consequences\n")).toBe(true);
    expect(body).toContain("**Contradicted.** Contradicts: “spy planes”");
  });

  it("lets a viewer export, but not import", async () => {
    const viewer = await createMember(t.db, workspaceId, "viewer");
    const { body } = await exportDossier(t.db, { dossierId, format: "jsonld", actor: viewer });
    await expect(importWebAnnotations(t.db, { dossierId, json: JSON.parse(body), actor: viewer })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("answers 400 for an unknown format, and 404 to a member of another workspace for export and import", async () => {
    const bad = await exportRoute.GET(get("?format=pdf", ownerCookie), params({ dossierId }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toBe("format: must be jsonld, md or csv.");
    const stranger = await signUp("stranger@example.test");
    const before = await t.db.activity.count();
    const exported = await exportRoute.GET(get("?format=csv", stranger), params({ dossierId }));
    const imported = await importRoute.POST(post({ type: "AnnotationCollection", total: 0 }, stranger), params({ dossierId }));
    expect([exported.status, imported.status]).toEqual([404, 404]);
    expect((await exported.json()).error.code).toBe("not_found");
    expect(await t.db.activity.count()).toBe(before);
    const anonymous = await exportRoute.GET(get("?format=csv", ""), params({ dossierId }));
    expect(anonymous.status).toBe(401);
  });

  it("round-trips: export, import into a fresh dossier of the same texts, export again gives the same annotations; a second import changes nothing", async () => {
    const exported = JSON.parse((await exportDossier(t.db, { dossierId, format: "jsonld", actor: owner })).body) as AnnotationCollection;
    expect(exported.first.items.length).toBeGreaterThan(4);

    const post_ = readFileSync("examples/fentanyl-crisis/seed-post.txt", "utf8");
    const split = splitEmbeddedDocument(post_, "Briefing Document:", "Leave a comment")!;
    const fresh = await createDossier(t.db, {
      dossier: { workspaceId, title: "Fentanyl Crisis: US Military Response and Consequences" },
      briefing: { from: "text", text: split.embedded, format: "text" },
      actor: owner,
    });
    await addSource(t.db, { dossierId: fresh.dossierId, document: { from: "text", text: split.host, format: "text" }, metadata: { title: "Fentanyl Crisis: US Military Response and Consequences", author: "Crazy Old Gringo" }, actor: owner });
    const freshBefore = JSON.parse((await exportDossier(t.db, { dossierId: fresh.dossierId, format: "jsonld", actor: owner })).body) as AnnotationCollection;
    expect(freshBefore.first.items.every((i) => i.motivation === "assessing" && (i.body[2] as { "attest:state": string })["attest:state"] === "suggested")).toBe(true);

    const response = await importRoute.POST(post(exported, ownerCookie), params({ dossierId: fresh.dossierId }));
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result).toMatchObject({ linksCreated: 1, notesCreated: 4, notesSkipped: 0, unplaced: [] });
    expect(result.linksUpdated).toBe(exported.first.items.filter((i) => i.motivation === "assessing").length - 1);

    const again = JSON.parse((await exportDossier(t.db, { dossierId: fresh.dossierId, format: "jsonld", actor: owner })).body) as AnnotationCollection;
    expect(normalise(again)).toEqual(normalise(exported));

    const activities = await t.db.activity.count({ where: { dossierId: fresh.dossierId, action: "dossier.imported" } });
    expect(activities).toBe(1);
    const second = await importWebAnnotations(t.db, { dossierId: fresh.dossierId, json: exported, actor: owner });
    expect(second).toMatchObject({ linksCreated: 0, notesCreated: 0, notesSkipped: 4 });
    const third = JSON.parse((await exportDossier(t.db, { dossierId: fresh.dossierId, format: "jsonld", actor: owner })).body) as AnnotationCollection;
    expect(normalise(third)).toEqual(normalise(exported));
  });

  it("imports notes from other tools as plain text, hostile ones included, and leaves out what is too long or empty", async () => {
    const source = await t.db.documentVersion.findFirstOrThrow({ where: { document: { dossierId, kind: "source" } } });
    const start = source.text.indexOf("drug labs");
    const target = { source: `urn:hash::${source.contentHash}`, selector: { type: "TextQuoteSelector", exact: "drug labs", prefix: source.text.slice(start - 30, start), suffix: source.text.slice(start + 9, start + 39) } };
    const payloads = readFileSync("tests/fixtures/text/xss-payload-list.txt", "utf8").split("\n").filter(Boolean).slice(0, 20);
    const annotation = (id: string, value: string) => ({ "@context": "http://www.w3.org/ns/anno.jsonld", type: "Annotation", id, body: { type: "TextualBody", value }, target });
    const list = [...payloads.map((p, i) => annotation(`https://tool.example/a/${i}`, p)), annotation("https://tool.example/long", "x".repeat(60_000)), annotation("https://tool.example/empty", "  ")];
    const result = await importWebAnnotations(t.db, { dossierId, json: list, actor: owner });
    expect(result).toMatchObject({ notesCreated: payloads.length, linksCreated: 0 });
    expect(result.unplaced).toEqual([
      { id: "https://tool.example/long", what: "note", reason: "the note is too long" },
      { id: "https://tool.example/empty", what: "note", reason: "the note has no text" },
    ]);
    const stored = await t.db.annotation.findMany({ where: { dossierId, start, bodyText: { in: payloads.map((p) => p.trim()) } } });
    expect(stored).toHaveLength(payloads.length);
    expect(stored.every((a) => a.exact === "drug labs" && a.authorId === owner.userId)).toBe(true);
  });

  it("refuses a file that is not Web Annotations with 400, storing nothing", async () => {
    const before = await t.db.link.count();
    const response = await importRoute.POST(post({ type: "Nonsense" }, ownerCookie), params({ dossierId }));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/not a Web Annotation collection/);
    const notJson = await importRoute.POST(post("{nope", ownerCookie), params({ dossierId }));
    expect(notJson.status).toBe(400);
    expect(await t.db.link.count()).toBe(before);
  });
});
