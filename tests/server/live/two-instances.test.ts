// Two app instances on one PostgreSQL database hear each other's changes and presence through
// LISTEN/NOTIFY, and a listener whose connection is cut reconnects.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/server/generated/prisma/client.ts";
import { openDatabase, type OpenDatabase } from "@/server/db/open-database.ts";
import { decideLink } from "@/server/links/decide-link.ts";
import { announcePresence } from "@/server/live/announce-presence.ts";
import { DossierHub } from "@/server/live/dossier-hub.ts";
import type { DossierChange } from "@/server/live/live-message.ts";
import type { Viewer } from "@/server/live/presence-roster.ts";
import type { Actor } from "@/server/policies/actor.ts";
import { createMember, exampleWorkspaceId } from "../test-actors.ts";
import { createTestDatabase, type TestDatabase } from "../test-database.ts";

/** Waits until `check` holds, polling; fails after `ms`. */
async function eventually(check: () => boolean, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!process.env.TEST_DATABASE_URL)("two app instances on one PostgreSQL database", () => {
  let t: TestDatabase;
  let second: { database: OpenDatabase; prisma: PrismaClient };
  let hubA: DossierHub;
  let hubB: DossierHub;
  let dossierId: string;
  let reviewerA: Actor & { kind: "user" };
  let reviewerB: Actor & { kind: "user" };
  const heardByB: DossierChange[] = [];
  let viewersOnA: Viewer[] = [];
  let resyncsOnB = 0;

  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
    // Instance B: its own pool, its own listener connection, its own Prisma client.
    const database = await openDatabase({ kind: "postgres", url: t.url! });
    second = { database, prisma: new PrismaClient({ adapter: database.factory }) };
    dossierId = (await t.db.dossier.findFirstOrThrow()).id;
    const workspaceId = await exampleWorkspaceId(t.db);
    reviewerA = await createMember(t.db, workspaceId, "reviewer", "Ada Lovelace");
    reviewerB = await createMember(t.db, workspaceId, "reviewer", "Grace Hopper");
    hubA = new DossierHub(t.database);
    hubB = new DossierHub(second.database);
    await Promise.all([hubA.start(), hubB.start()]);
    hubA.subscribe(dossierId, { change: () => {}, presence: (v) => (viewersOnA = v), resync: () => {} });
    hubB.subscribe(dossierId, { change: (c) => heardByB.push(c), presence: () => {}, resync: () => resyncsOnB++ });
  });
  afterAll(async () => {
    await hubA?.stop();
    await hubB?.stop();
    await second?.prisma.$disconnect();
    await second?.database.close();
    await t?.drop();
  });

  it("delivers a verdict accepted through one instance to the other's subscribers", async () => {
    const link = await t.db.link.findFirstOrThrow({ where: { claim: { dossierId } }, orderBy: { id: "asc" } });
    await decideLink(t.db, { actor: reviewerA, linkId: link.id, decision: { state: "accepted", verdict: "contradicts", revision: link.revision } });
    await eventually(() => heardByB.some((c) => c.entityId === link.id));
    expect(heardByB.filter((c) => c.entityId === link.id)).toEqual([
      { type: "change", dossierId, action: "link.accepted", entityType: "link", entityId: link.id, actorId: reviewerA.userId },
    ]);
  });

  it("shows on one instance who is present through the other, and which claim they look at", async () => {
    const claim = await t.db.claim.findFirstOrThrow({ where: { dossierId } });
    await announcePresence(second.prisma, { dossierId, actor: reviewerB, presence: { claimId: claim.id, tab: "tab-of-grace" } });
    await eventually(() => viewersOnA.length === 1);
    expect(viewersOnA).toEqual([{ userId: reviewerB.userId, name: "Grace Hopper", claimId: claim.id }]);
    await announcePresence(second.prisma, { dossierId, actor: reviewerB, presence: { claimId: null, tab: "tab-of-grace", left: true } });
    await eventually(() => viewersOnA.length === 0);
  });

  it("reconnects a listener whose connection the server dropped, asks for a resync, and hears later changes", async () => {
    const admin = new pg.Client({ connectionString: t.url });
    await admin.connect();
    // What a PostgreSQL restart does to every listening connection.
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%' AND pid <> pg_backend_pid()");
    await admin.end();
    await eventually(() => resyncsOnB >= 1, 10_000);
    const link = await t.db.link.findFirstOrThrow({ where: { claim: { dossierId } }, orderBy: { id: "desc" } });
    await decideLink(t.db, { actor: reviewerA, linkId: link.id, decision: { state: "rejected", revision: link.revision } });
    await eventually(() => heardByB.some((c) => c.entityId === link.id && c.action === "link.rejected"));
  });
});
