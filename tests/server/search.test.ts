import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/server/annotations/create-annotation.ts";
import { updateAnnotation } from "@/server/annotations/update-annotation.ts";
import { addDocumentVersion } from "@/server/documents/add-document-version.ts";
import { createDossier } from "@/server/dossiers/create-dossier.ts";
import { ANONYMOUS, type Actor } from "@/server/policies/actor.ts";
import { ensureSearchPassages } from "@/server/search/ensure-search-passages.ts";
import { searchWorkspaces, type SearchHit } from "@/server/search/search-workspaces.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";
import { createMember, exampleWorkspaceId } from "./test-actors.ts";

const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const matched = (hit: SearchHit) => hit.snippet.filter((r) => r.match).map((r) => r.text.toLowerCase());

describe("searchWorkspaces", () => {
  let t: TestDatabase;
  let dossierId: string;
  let editor: Actor;
  let outsider: Actor;
  let sourceId: string;

  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
    dossierId = (await t.db.dossier.findFirstOrThrow()).id;
    editor = await createMember(t.db, await exampleWorkspaceId(t.db), "editor");
    const otherWorkspace = await t.db.workspace.create({ data: { name: "Elsewhere", slug: "elsewhere" } });
    outsider = await createMember(t.db, otherWorkspace.id, "owner");
    await createDossier(t.db, {
      actor: outsider,
      dossier: { workspaceId: otherWorkspace.id, title: "Private dossier" },
      briefing: { from: "text", text: "Analysts counted submarines near the harbour.", format: "text" },
    });
    sourceId = (await t.db.document.findFirstOrThrow({ where: { dossierId, kind: "source" } })).id;
  });
  afterAll(async () => t?.drop());

  it("finds a source passage by a stemmed word, marks the match and opens the reader at its offset", async () => {
    const { hits } = await searchWorkspaces(t.db, { actor: editor, search: { q: "harbingers" } });
    const hit = hits.find((h) => h.kind === "source")!;
    expect(hit).toMatchObject({ dossierId, documentTitle: expect.any(String) });
    expect(matched(hit)).toContain("harbinger");
    const at = Number(new URL(hit.href, "http://x").searchParams.get("at"));
    const version = await t.db.documentVersion.findFirstOrThrow({ where: { documentId: sourceId }, orderBy: { number: "desc" } });
    expect(version.text.slice(at, at + 2000)).toContain("harbinger");
    expect(hit.href).toContain(`document=${sourceId}`);
  });

  it("finds claims of the briefing and opens the reader on the claim", async () => {
    const { hits } = await searchWorkspaces(t.db, { actor: editor, search: { q: "140 analysts" } });
    const claim = hits.find((h) => h.kind === "claim")!;
    const stored = await t.db.claim.findFirstOrThrow({ where: { dossierId, text: { contains: "140 analysts" } } });
    expect(claim.href).toBe(`/dossiers/${dossierId}?claim=${stored.id}`);
    expect(matched(claim)).toEqual(expect.arrayContaining(["140", "analysts"]));
  });

  it("finds notes, and forgets them once deleted", async () => {
    const claim = await t.db.claim.findFirstOrThrow({ where: { dossierId } });
    const note = await createAnnotation(t.db, { actor: editor, dossierId, annotation: { target: { kind: "claim", claimId: claim.id }, body: doc("Ask the ministry for the zeppelin figures.") } });
    let { hits } = await searchWorkspaces(t.db, { actor: editor, search: { q: "zeppelin" } });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ kind: "annotation", href: `/dossiers/${dossierId}?claim=${claim.id}&note=${note.id}` });
    await updateAnnotation(t.db, { actor: editor, annotationId: note.id, update: { kind: "delete", change: { revision: note.revision } } });
    ({ hits } = await searchWorkspaces(t.db, { actor: editor, search: { q: "zeppelin" } }));
    expect(hits).toEqual([]);
  });

  it("never shows another workspace's text", async () => {
    const mine = await searchWorkspaces(t.db, { actor: editor, search: { q: "submarines" } });
    expect(mine.hits).toEqual([]);
    const theirs = await searchWorkspaces(t.db, { actor: outsider, search: { q: "submarines" } });
    expect(theirs.hits.map((h) => h.kind).sort()).toEqual(["briefing", "claim"]);
    expect((await searchWorkspaces(t.db, { actor: outsider, search: { q: "harbinger" } })).hits).toEqual([]);
  });

  it("searches only the newest version of a document", async () => {
    await addDocumentVersion(t.db, { actor: editor, documentId: sourceId, document: { from: "text", text: "A wholly rewritten post about quinoa exports.", format: "text" } });
    expect((await searchWorkspaces(t.db, { actor: editor, search: { q: "harbinger" } })).hits.filter((h) => h.kind === "source")).toEqual([]);
    expect((await searchWorkspaces(t.db, { actor: editor, search: { q: "quinoa" } })).hits.map((h) => h.kind)).toEqual(["source"]);
  });

  it("indexes versions stored before search existed, once", async () => {
    await t.db.passage.deleteMany({});
    expect(await ensureSearchPassages(t.db)).toBeGreaterThan(0);
    expect(await ensureSearchPassages(t.db)).toBe(0);
    expect((await searchWorkspaces(t.db, { actor: editor, search: { q: "quinoa" } })).hits).toHaveLength(1);
  });

  it("treats search syntax and hostile text as words, never as SQL", async () => {
    const cases = ["'; DROP TABLE \"Claim\"; --", '"unclosed phrase', "-", "or or or", "<script>alert(1)</script>", "ana\u0000lysts\u0002", "a:* & !b"];
    for (const q of cases) await expect(searchWorkspaces(t.db, { actor: editor, search: { q } })).resolves.toMatchObject({ hits: expect.any(Array) });
    expect(await t.db.claim.count()).toBeGreaterThan(0);
  });

  it("says when a query has no searchable words, and refuses empty queries and anonymous readers", async () => {
    expect(await searchWorkspaces(t.db, { actor: editor, search: { q: "the of and" } })).toEqual({ query: "the of and", hits: [], emptyQuery: true });
    for (const q of ["   ", "\u0000\u0002"]) await expect(searchWorkspaces(t.db, { actor: editor, search: { q } })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(searchWorkspaces(t.db, { actor: editor, search: { q: "x".repeat(201) } })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(searchWorkspaces(t.db, { actor: ANONYMOUS, search: { q: "analysts" } })).rejects.toMatchObject({ code: "unauthenticated" });
  });
});
