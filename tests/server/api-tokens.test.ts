import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as dossierRoute from "@/app/api/v1/dossiers/[dossierId]/route.ts";
import * as decisionRoute from "@/app/api/v1/links/[linkId]/decision/route.ts";
import * as publicationRoute from "@/app/api/v1/dossiers/[dossierId]/publication/route.ts";
import * as sourcesRoute from "@/app/api/v1/dossiers/[dossierId]/sources/route.ts";
import * as searchRoute from "@/app/api/v1/search/route.ts";
import { setProcessDatabase } from "@/server/db/process-database.ts";
import { ANONYMOUS, type Actor } from "@/server/policies/actor.ts";
import { createApiToken } from "@/server/tokens/create-api-token.ts";
import { listApiTokens } from "@/server/tokens/list-api-tokens.ts";
import { resolveApiToken } from "@/server/tokens/resolve-api-token.ts";
import { revokeApiToken } from "@/server/tokens/revoke-api-token.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";
import { createMember, exampleWorkspaceId } from "./test-actors.ts";
import { serveTestDatabase } from "./route-session.ts";

const ORIGIN = "http://localhost:3000";
const bearer = (token: string, init: RequestInit = {}) =>
  new Request(`${ORIGIN}/`, { ...init, headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...(init.headers ?? {}) } });

describe("personal access tokens", () => {
  let t: TestDatabase;
  let workspaceId: string;
  let dossierId: string;
  let editor: Actor & { kind: "user" };
  let owner: Actor & { kind: "user" };

  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
    serveTestDatabase(t);
    workspaceId = await exampleWorkspaceId(t.db);
    dossierId = (await t.db.dossier.findFirstOrThrow()).id;
    editor = await createMember(t.db, workspaceId, "editor", "Eda Editor");
    owner = await createMember(t.db, workspaceId, "owner", "Otto Owner");
  });
  afterAll(async () => {
    setProcessDatabase(undefined);
    await t?.drop();
  });

  it("makes a token shown once, stores only its hash, and lists it without the secret", async () => {
    const made = await createApiToken(t.db, { actor: editor, token: { name: "Newsroom CI", workspaceId, role: "viewer", expiresInDays: 30 } });
    expect(made.token).toMatch(/^att_[A-Za-z0-9_-]{43}$/);
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { id: made.id } });
    expect(row.tokenHash).not.toContain(made.token.slice(4));
    expect(JSON.stringify(await listApiTokens(t.db, editor))).not.toContain(made.token);
    expect((await listApiTokens(t.db, editor))[0]).toMatchObject({ name: "Newsroom CI", role: "viewer", prefix: made.token.slice(0, 10), revokedAt: null });
    const activity = await t.db.activity.findFirstOrThrow({ where: { entityId: made.id } });
    expect(activity).toMatchObject({ action: "token.created", actorId: editor.userId });
  });

  it("reads through the API with the token, and is held to the token's role, not its maker's", async () => {
    const made = await createApiToken(t.db, { actor: editor, token: { name: "Reader", workspaceId, role: "viewer" } });
    const read = await dossierRoute.GET(bearer(made.token), { params: Promise.resolve({ dossierId }) });
    expect(read.status).toBe(200);
    const link = await t.db.link.findFirstOrThrow({ where: { claim: { dossierId } } });
    const decide = await decisionRoute.POST(
      bearer(made.token, { method: "POST", body: JSON.stringify({ state: "accepted", verdict: "supports", revision: link.revision }) }),
      { params: Promise.resolve({ linkId: link.id }) },
    );
    expect(decide.status).toBe(403);
    expect((await t.db.link.findUniqueOrThrow({ where: { id: link.id } })).revision).toBe(link.revision);
  });

  // What a token of each role may do through the API: the same role × action table as the pages.
  const matrix = [
    { role: "viewer", read: 200, search: 200, decide: 403, attach: 403, publish: 403 },
    { role: "reviewer", read: 200, search: 200, decide: 200, attach: 403, publish: 403 },
    { role: "editor", read: 200, search: 200, decide: 200, attach: 201, publish: 403 },
    { role: "owner", read: 200, search: 200, decide: 200, attach: 201, publish: 200 },
  ] as const;
  for (const expected of matrix) {
    it(`lets a ${expected.role} token do exactly what a ${expected.role} may`, async () => {
      const made = await createApiToken(t.db, { actor: owner, token: { name: `${expected.role} token`, workspaceId, role: expected.role } });
      const params = { params: Promise.resolve({ dossierId }) };
      const link = await t.db.link.findFirstOrThrow({ where: { claim: { dossierId } }, orderBy: { id: "asc" } });
      const statuses = {
        read: (await dossierRoute.GET(bearer(made.token), params)).status,
        search: (await searchRoute.GET(new Request(`${ORIGIN}/api/v1/search?q=analysts`, { headers: { authorization: `Bearer ${made.token}` } }), { params: Promise.resolve({}) })).status,
        decide: (
          await decisionRoute.POST(bearer(made.token, { method: "POST", body: JSON.stringify({ state: "accepted", verdict: "partial", revision: link.revision }) }), {
            params: Promise.resolve({ linkId: link.id }),
          })
        ).status,
        attach: (
          await sourcesRoute.POST(
            bearer(made.token, { method: "POST", body: JSON.stringify({ document: { from: "text", text: `A note from the ${expected.role}.` } }) }),
            params,
          )
        ).status,
        publish: (await publicationRoute.POST(bearer(made.token, { method: "POST", body: JSON.stringify({ published: true }) }), params)).status,
      };
      expect(statuses).toEqual({ read: expected.read, search: expected.search, decide: expected.decide, attach: expected.attach, publish: expected.publish });
    });
  }

  it("never reaches another workspace", async () => {
    const elsewhere = await t.db.workspace.create({ data: { name: "Elsewhere", slug: "elsewhere-tokens" } });
    const stranger = await createMember(t.db, elsewhere.id, "owner");
    const made = await createApiToken(t.db, { actor: stranger, token: { name: "Mine", workspaceId: elsewhere.id, role: "owner" } });
    const read = await dossierRoute.GET(bearer(made.token), { params: Promise.resolve({ dossierId }) });
    expect(read.status).toBe(404);
  });

  const refusals = [
    { name: "a role above the maker's", token: () => ({ name: "x", workspaceId, role: "owner" as const }), actor: () => editor, code: "forbidden" },
    { name: "a workspace the maker is not in", token: () => ({ name: "x", workspaceId: "00000000-0000-4000-8000-000000000000", role: "viewer" as const }), actor: () => editor, code: "not_found" },
    { name: "no name", token: () => ({ name: "  ", workspaceId, role: "viewer" as const }), actor: () => editor, code: "invalid_input" },
    { name: "an anonymous maker", token: () => ({ name: "x", workspaceId, role: "viewer" as const }), actor: () => ANONYMOUS, code: "unauthenticated" },
  ];
  for (const { name, token, actor, code } of refusals) {
    it(`refuses ${name}, storing nothing`, async () => {
      const before = await t.db.apiToken.count();
      await expect(createApiToken(t.db, { actor: actor(), token: token() })).rejects.toMatchObject({ code });
      expect(await t.db.apiToken.count()).toBe(before);
    });
  }

  it("stops working when revoked, when expired, and when its maker loses the role", async () => {
    const now = new Date("2026-11-29T12:00:00Z");
    const revoked = await createApiToken(t.db, { actor: editor, token: { name: "Soon revoked", workspaceId, role: "reviewer" } });
    await expect(resolveApiToken(t.db, revoked.token)).resolves.toMatchObject({ kind: "user" });
    // An owner may revoke a member's token; a stranger may not even see it.
    await revokeApiToken(t.db, { actor: owner, tokenId: revoked.id });
    await expect(resolveApiToken(t.db, revoked.token)).rejects.toMatchObject({ code: "unauthenticated", message: expect.stringContaining("revoked") });
    expect(await t.db.membership.count({ where: { userId: (await t.db.apiToken.findUniqueOrThrow({ where: { id: revoked.id } })).userId } })).toBe(0);

    const expiring = await createApiToken(t.db, { actor: editor, token: { name: "Short", workspaceId, role: "viewer", expiresInDays: 1 }, now });
    await expect(resolveApiToken(t.db, expiring.token, new Date(now.getTime() + 86_400_000 - 1))).resolves.toMatchObject({ kind: "user" });
    await expect(resolveApiToken(t.db, expiring.token, new Date(now.getTime() + 86_400_000))).rejects.toMatchObject({ message: expect.stringContaining("expired") });

    const demoted = await createMember(t.db, workspaceId, "editor");
    const strong = await createApiToken(t.db, { actor: demoted, token: { name: "Strong", workspaceId, role: "editor" } });
    await t.db.membership.update({ where: { workspaceId_userId: { workspaceId, userId: demoted.userId } }, data: { role: "reviewer" } });
    await expect(resolveApiToken(t.db, strong.token)).rejects.toMatchObject({ message: expect.stringContaining("no longer") });

    await expect(resolveApiToken(t.db, "att_forged")).rejects.toMatchObject({ code: "unauthenticated" });
    const response = await dossierRoute.GET(bearer("att_forged"), { params: Promise.resolve({ dossierId }) });
    expect(response.status).toBe(401);
  });

  it("lets only the maker or an owner revoke a token", async () => {
    const made = await createApiToken(t.db, { actor: owner, token: { name: "Owner's", workspaceId, role: "viewer" } });
    await expect(revokeApiToken(t.db, { actor: editor, tokenId: made.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(revokeApiToken(t.db, { actor: owner, tokenId: made.id })).resolves.toMatchObject({ id: made.id });
    await expect(revokeApiToken(t.db, { actor: owner, tokenId: made.id })).resolves.toMatchObject({ id: made.id });
  });
});
