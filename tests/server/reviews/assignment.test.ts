import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignClaim } from "@/server/reviews/assign-claim.ts";
import { listMyQueue } from "@/server/reviews/list-my-queue.ts";
import { createReviewFixture, type ReviewFixture } from "./review-fixture.ts";

describe("assignClaim and listMyQueue", () => {
  let f: ReviewFixture;
  let claims: { id: string; order: number; revision: number }[];

  beforeAll(async () => {
    f = await createReviewFixture();
    claims = await f.db.claim.findMany({ where: { dossierId: f.dossierId }, orderBy: { order: "asc" }, take: 4 });
  });
  afterAll(async () => f?.t.drop());

  const current = (id: string) => f.db.claim.findUniqueOrThrow({ where: { id } });
  const assign = async (claimId: string, assigneeId: string | null, dossierId = f.dossierId) =>
    assignClaim(f.db, { dossierId, claimId, assignment: { assigneeId, revision: (await current(claimId)).revision }, actorId: f.owner.id });

  it("assigns a claim to a member and logs who assigned it to whom", async () => {
    const claim = claims[0];
    await expect(assign(claim.id, f.ada.id)).resolves.toEqual({ id: claim.id, assigneeId: f.ada.id, revision: claim.revision + 1 });
    const entry = await f.db.activity.findFirstOrThrow({ where: { entityId: claim.id, action: "claim.assigned" } });
    expect(entry).toMatchObject({ actorId: f.owner.id, before: { assigneeId: null }, after: { assigneeId: f.ada.id } });
  });

  const refused = [
    { name: "a member of another workspace", assignee: () => f.outsider.id, code: "invalid_input" },
    { name: "someone who does not exist", assignee: () => "00000000-0000-4000-8000-000000000000", code: "invalid_input" },
    { name: "a malformed id", assignee: () => "ada", code: "invalid_input" },
  ];
  for (const { name, assignee, code } of refused) {
    it(`refuses to assign ${name}, logging nothing`, async () => {
      const claim = await current(claims[1].id);
      const logged = await f.db.activity.count();
      await expect(assign(claim.id, assignee())).rejects.toMatchObject({ code });
      expect(await current(claim.id)).toEqual(claim);
      expect(await f.db.activity.count()).toBe(logged);
    });
  }

  it("refuses a stale revision and a claim of another dossier", async () => {
    const claim = await current(claims[1].id);
    await expect(
      assignClaim(f.db, { dossierId: f.dossierId, claimId: claim.id, assignment: { assigneeId: f.ben.id, revision: claim.revision + 1 }, actorId: f.owner.id }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(assign(claim.id, f.ben.id, f.otherDossierId)).rejects.toMatchObject({ code: "not_found" });
  });

  it("changes nothing when the claim already has that assignee", async () => {
    const claim = await current(claims[0].id);
    const logged = await f.db.activity.count();
    await expect(assign(claim.id, f.ada.id)).resolves.toEqual({ id: claim.id, assigneeId: f.ada.id, revision: claim.revision });
    expect(await f.db.activity.count()).toBe(logged);
  });

  it("lists my unsettled claims across my workspaces' dossiers, by dossier then claim order", async () => {
    await assign(claims[2].id, f.ada.id);
    await assign(claims[1].id, f.ada.id);
    await assign(claims[3].id, f.ada.id);
    await f.db.claim.update({ where: { id: claims[3].id }, data: { reviewState: "verified" } });
    await f.db.claim.update({ where: { id: claims[2].id }, data: { reviewState: "in_review" } });
    // A second dossier in Ada's workspace whose title sorts first.
    const early = await f.db.dossier.create({ data: { workspaceId: f.workspaceId, title: "AAA first dossier", slug: "aaa" } });
    const briefing = await f.db.document.create({ data: { dossierId: early.id, kind: "briefing", title: "B", format: "text" } });
    const version = await f.db.documentVersion.create({ data: { documentId: briefing.id, number: 1, text: "x", blocks: [], contentHash: "sha256:y" } });
    const earlyClaim = await f.db.claim.create({
      data: { dossierId: early.id, documentId: briefing.id, versionId: version.id, start: 0, end: 1, text: "x", kind: "statement", order: 0, assigneeId: f.ada.id },
    });
    // Assigned in a workspace Ada is not a member of: not hers to see.
    await f.db.claim.updateMany({ where: { dossierId: f.otherDossierId }, data: { assigneeId: f.ada.id } });

    const queue = await listMyQueue(f.db, { actorId: f.ada.id });
    expect(queue.map((q) => q.claimId)).toEqual([earlyClaim.id, claims[0].id, claims[1].id, claims[2].id]);
    expect(queue[3]).toMatchObject({ reviewState: "in_review", reviewedByMe: false });
    expect(await listMyQueue(f.db, { actorId: f.ben.id })).toEqual([]);
  });

  it("unassigns a claim, which leaves the queue", async () => {
    await assign(claims[0].id, null);
    const entry = await f.db.activity.findFirstOrThrow({ where: { entityId: claims[0].id, action: "claim.unassigned" } });
    expect(entry).toMatchObject({ before: { assigneeId: f.ada.id }, after: { assigneeId: null } });
    expect((await listMyQueue(f.db, { actorId: f.ada.id })).map((q) => q.claimId)).not.toContain(claims[0].id);
  });
});
