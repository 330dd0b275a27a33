import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REVIEW_STATES, type ReviewState } from "@/core/review/review-transitions.ts";
import { setReviewState } from "@/server/claims/set-review-state.ts";
import { createReviewFixture, type ReviewFixture } from "./review-fixture.ts";

// Every pair of states, in each mode: which a reviewer may set by hand.
const allowedSingle: Record<ReviewState, ReviewState[]> = {
  unreviewed: ["in_review", "verified", "disputed", "not_in_sources"],
  in_review: ["unreviewed", "verified", "disputed", "not_in_sources"],
  verified: ["in_review"],
  disputed: ["in_review"],
  not_in_sources: ["in_review"],
};
const cases = [false, true].flatMap((twoReviewerMode) =>
  REVIEW_STATES.flatMap((from) =>
    REVIEW_STATES.map((to) => ({
      twoReviewerMode,
      from,
      to,
      allowed: allowedSingle[from].includes(to) && !(twoReviewerMode && ["verified", "disputed", "not_in_sources"].includes(to)),
    })),
  ),
);

describe("setReviewState", () => {
  let f: ReviewFixture;
  let claimId: string;

  beforeAll(async () => {
    f = await createReviewFixture();
    claimId = (await f.db.claim.findFirstOrThrow({ where: { dossierId: f.dossierId }, orderBy: { order: "asc" } })).id;
  });
  afterAll(async () => f?.t.drop());

  const putIn = async (state: ReviewState, twoReviewerMode: boolean) => {
    await f.db.dossier.update({ where: { id: f.dossierId }, data: { twoReviewerMode } });
    return f.db.claim.update({ where: { id: claimId }, data: { reviewState: state } });
  };
  const activityCount = () => f.db.activity.count({ where: { entityId: claimId } });

  for (const { twoReviewerMode, from, to, allowed } of cases) {
    const mode = twoReviewerMode ? "two reviewers" : "one reviewer";
    it(`${allowed ? "moves" : "refuses to move"} a claim from ${from} to ${to} with ${mode}`, async () => {
      const claim = await putIn(from, twoReviewerMode);
      const logged = await activityCount();
      const attempt = setReviewState(f.db, { claimId, dossierId: f.dossierId, review: { reviewState: to, revision: claim.revision }, actorId: f.ada.id });
      if (allowed) {
        await expect(attempt).resolves.toEqual({ id: claimId, reviewState: to, revision: claim.revision + 1 });
        const entry = await f.db.activity.findFirstOrThrow({ where: { entityId: claimId }, orderBy: [{ at: "desc" }, { id: "desc" }] });
        expect(entry).toMatchObject({ action: "claim.review_state_set", actorId: f.ada.id, before: { reviewState: from }, after: { reviewState: to } });
        expect(await activityCount()).toBe(logged + 1);
      } else {
        await expect(attempt).rejects.toMatchObject({ code: "invalid_input", details: { from, to } });
        expect(await f.db.claim.findUniqueOrThrow({ where: { id: claimId } })).toMatchObject({ reviewState: from, revision: claim.revision });
        expect(await activityCount()).toBe(logged);
      }
    });
  }

  it("names both states when it refuses", async () => {
    const claim = await putIn("verified", false);
    await expect(
      setReviewState(f.db, { claimId, review: { reviewState: "not_in_sources", revision: claim.revision }, actorId: f.ada.id }),
    ).rejects.toThrow("A claim cannot go from verified to not in sources; reopen it first.");
  });

  it("refuses a stale revision with a conflict before judging the transition, logging nothing", async () => {
    const claim = await putIn("unreviewed", false);
    const logged = await activityCount();
    await expect(
      setReviewState(f.db, { claimId, review: { reviewState: "unreviewed", revision: claim.revision - 1 }, actorId: f.ada.id }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await activityCount()).toBe(logged);
  });

  it("lets exactly one of 6 simultaneous changes from one revision through, logging it once", async () => {
    const claim = await putIn("unreviewed", false);
    const logged = await activityCount();
    const targets: ReviewState[] = ["in_review", "verified", "disputed", "not_in_sources", "in_review", "verified"];
    const results = await Promise.allSettled(
      targets.map((reviewState) => setReviewState(f.db, { claimId, review: { reviewState, revision: claim.revision }, actorId: f.ada.id })),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "conflict" });
    const winner = (won[0] as PromiseFulfilledResult<{ reviewState: string }>).value.reviewState;
    expect(await f.db.claim.findUniqueOrThrow({ where: { id: claimId } })).toMatchObject({ reviewState: winner, revision: claim.revision + 1 });
    expect(await activityCount()).toBe(logged + 1);
  });

  it("does not reach a claim of another dossier", async () => {
    const claim = await putIn("unreviewed", false);
    await expect(
      setReviewState(f.db, { claimId, dossierId: f.otherDossierId, review: { reviewState: "in_review", revision: claim.revision }, actorId: f.ada.id }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
