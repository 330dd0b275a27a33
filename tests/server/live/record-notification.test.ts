// A committed change to a dossier is announced once on the live channel; a rolled-back one never.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordActivity } from "@/server/activity/record-activity.ts";
import { createAnnotation } from "@/server/annotations/create-annotation.ts";
import { setReviewState } from "@/server/claims/set-review-state.ts";
import { assignClaim } from "@/server/reviews/assign-claim.ts";
import { decideLink } from "@/server/links/decide-link.ts";
import { DossierHub } from "@/server/live/dossier-hub.ts";
import type { DossierChange } from "@/server/live/live-message.ts";
import type { Actor } from "@/server/policies/actor.ts";
import { createMember, exampleWorkspaceId } from "../test-actors.ts";
import { createTestDatabase, type TestDatabase } from "../test-database.ts";

/** Long enough for a notification to arrive once its transaction committed. */
const SETTLE_MS = 300;
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

describe(`live notifications (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  let t: TestDatabase;
  let hub: DossierHub;
  let dossierId: string;
  let actor: Actor & { kind: "user" };
  let heard: DossierChange[] = [];

  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
    dossierId = (await t.db.dossier.findFirstOrThrow()).id;
    actor = await createMember(t.db, await exampleWorkspaceId(t.db), "owner");
    hub = new DossierHub(t.database);
    await hub.start();
    hub.subscribe(dossierId, { change: (c) => heard.push(c), presence: () => {}, resync: () => {} });
  });
  afterAll(async () => {
    await hub?.stop();
    await t?.drop();
  });

  const suggestion = () => t.db.link.findFirstOrThrow({ where: { claim: { dossierId }, state: "suggested" }, orderBy: { id: "asc" } });
  const anyLink = () => t.db.link.findFirstOrThrow({ where: { claim: { dossierId } }, orderBy: { id: "asc" } });

  it("announces an accepted verdict exactly once, after it commits, with ids and kinds only", async () => {
    heard = [];
    const link = await suggestion();
    await decideLink(t.db, { actor, linkId: link.id, decision: { state: "accepted", verdict: "supports", revision: link.revision } });
    await settle();
    expect(heard).toEqual([{ type: "change", dossierId, action: "link.accepted", entityType: "link", entityId: link.id, actorId: actor.userId }]);
  });

  it("announces a review state set on a claim", async () => {
    heard = [];
    const claim = await t.db.claim.findFirstOrThrow({ where: { dossierId, reviewState: "unreviewed" } });
    await setReviewState(t.db, { actorId: actor.userId, claimId: claim.id, review: { reviewState: "in_review", revision: claim.revision } });
    await settle();
    expect(heard).toMatchObject([{ action: "claim.review_state_set", entityType: "claim", entityId: claim.id }]);
  });

  it("announces an assignment and an annotation, each once", async () => {
    heard = [];
    const claim = await t.db.claim.findFirstOrThrow({ where: { dossierId }, orderBy: { id: "asc" } });
    await assignClaim(t.db, { dossierId, claimId: claim.id, assignment: { assigneeId: actor.userId, revision: claim.revision }, actorId: actor.userId });
    const note = await createAnnotation(t.db, {
      actor,
      dossierId,
      annotation: { target: { kind: "claim", claimId: claim.id }, body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Which report?" }] }] } },
    });
    await settle();
    expect(heard.map((c) => [c.action, c.entityId])).toEqual([
      ["claim.assigned", claim.id],
      ["annotation.created", note.id],
    ]);
  });

  it("announces nothing for a change refused as a conflict", async () => {
    heard = [];
    const link = await anyLink();
    await expect(
      decideLink(t.db, { actor, linkId: link.id, decision: { state: "rejected", revision: link.revision + 5 } }),
    ).rejects.toMatchObject({ code: "conflict" });
    await settle();
    expect(heard).toEqual([]);
  });

  it("announces nothing when the transaction that logged the change rolls back", async () => {
    heard = [];
    const link = await anyLink();
    const workspaceId = await exampleWorkspaceId(t.db);
    const attempt = t.db.$transaction(async (tx) => {
      await tx.link.update({ where: { id: link.id }, data: { state: "rejected", revision: { increment: 1 } } });
      await recordActivity(tx, {
        workspaceId,
        dossierId,
        actorId: actor.userId,
        action: "link.rejected",
        entityType: "link",
        entityId: link.id,
      });
      throw new Error("the rest of the change failed");
    });
    await expect(attempt).rejects.toThrow("the rest of the change failed");
    await settle();
    expect(heard).toEqual([]);
    expect(await t.db.link.findUniqueOrThrow({ where: { id: link.id } })).toEqual(link);
  });

  it("tells only the subscribers of the changed dossier", async () => {
    const elsewhere: DossierChange[] = [];
    const unsubscribe = hub.subscribe("00000000-0000-4000-8000-000000000000", { change: (c) => elsewhere.push(c), presence: () => {}, resync: () => {} });
    const link = await anyLink();
    await decideLink(t.db, { actor, linkId: link.id, decision: { state: "accepted", verdict: "partial", revision: link.revision } });
    await settle();
    unsubscribe();
    expect(elsewhere).toEqual([]);
  });
});
