import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setReviewState } from "@/server/claims/set-review-state.ts";
import { adjudicateClaim } from "@/server/reviews/adjudicate-claim.ts";
import { getAgreement } from "@/server/reviews/get-agreement.ts";
import { getClaimReviews } from "@/server/reviews/get-claim-reviews.ts";
import { listAdjudicationQueue } from "@/server/reviews/list-adjudication-queue.ts";
import { setTwoReviewerMode } from "@/server/reviews/set-two-reviewer-mode.ts";
import { submitReview } from "@/server/reviews/submit-review.ts";
import { createReviewFixture, type Person, type ReviewFixture } from "./review-fixture.ts";

type Verdict = "verified" | "disputed" | "not_in_sources";

describe("two-reviewer mode", () => {
  let f: ReviewFixture;
  let claimIds: string[];

  beforeAll(async () => {
    f = await createReviewFixture();
    claimIds = (await f.db.claim.findMany({ where: { dossierId: f.dossierId }, orderBy: { order: "asc" }, take: 12 })).map((c) => c.id);
  });
  afterAll(async () => f?.t.drop());

  const review = (who: Person, claimId: string, verdict: Verdict, note?: string) =>
    submitReview(f.db, { dossierId: f.dossierId, claimId, review: { verdict, note }, actorId: who.id });
  const reviewsAs = (who: Person, claimId: string, asOwner = false) => getClaimReviews(f.db, { dossierId: f.dossierId, claimId, actorId: who.id, asOwner });
  const claim = (id: string) => f.db.claim.findUniqueOrThrow({ where: { id } });

  it("refuses reviews while the dossier is not in two-reviewer mode", async () => {
    await expect(review(f.ada, claimIds[0], "verified")).rejects.toMatchObject({ code: "invalid_input" });
    expect(await f.db.review.count()).toBe(0);
  });

  it("turns the mode on once, logging the change but not a repeat", async () => {
    await expect(setTwoReviewerMode(f.db, { dossierId: f.dossierId, mode: { enabled: true }, actorId: f.owner.id })).resolves.toEqual({
      dossierId: f.dossierId,
      twoReviewerMode: true,
    });
    await setTwoReviewerMode(f.db, { dossierId: f.dossierId, mode: { enabled: true }, actorId: f.owner.id });
    const entries = await f.db.activity.findMany({ where: { entityType: "dossier", entityId: f.dossierId } });
    expect(entries).toMatchObject([{ action: "dossier.two_reviewer_mode_on", actorId: f.owner.id, after: { twoReviewerMode: true } }]);
  });

  it("keeps the first verdict from the second reviewer until they give theirs; agreement verifies", async () => {
    const first = await review(f.ada, claimIds[0], "verified", "Source says so.");
    expect(first).toMatchObject({ verdict: "verified", reviewState: "in_review", disagreement: false });

    const blind = await reviewsAs(f.ben, claimIds[0]);
    expect(blind).toMatchObject({ hidden: true, mine: null, others: [], othersSubmitted: 1, reviewState: "in_review" });
    expect(await reviewsAs(f.ada, claimIds[0])).toMatchObject({ hidden: false, mine: { verdict: "verified", note: "Source says so." }, others: [] });

    const second = await review(f.ben, claimIds[0], "verified");
    expect(second).toMatchObject({ reviewState: "verified", disagreement: false });
    expect((await reviewsAs(f.ben, claimIds[0])).others).toMatchObject([{ reviewer: { name: "Ada" }, verdict: "verified" }]);
    expect(await claim(claimIds[0])).toMatchObject({ reviewState: "verified" });
  });

  it("lets the owner see every verdict while adjudicating", async () => {
    await review(f.ada, claimIds[1], "verified");
    expect(await reviewsAs(f.owner, claimIds[1], true)).toMatchObject({ hidden: false, others: [{ verdict: "verified" }] });
  });

  it("disputes a claim its reviewers disagree on and queues it for the owner", async () => {
    const result = await review(f.ben, claimIds[1], "not_in_sources");
    expect(result).toMatchObject({ reviewState: "disputed", disagreement: true });
    const queue = await listAdjudicationQueue(f.db, { dossierId: f.dossierId, actorId: f.owner.id });
    expect(queue.map((q) => q.claimId)).toEqual([claimIds[1]]);
    expect(queue[0].reviews.map((r) => [r.reviewer.name, r.verdict])).toEqual([
      ["Ada", "verified"],
      ["Ben", "not_in_sources"],
    ]);
  });

  it("refuses a verdict set by hand in two-reviewer mode, and reviews of a settled claim", async () => {
    const c = await claim(claimIds[2]);
    await expect(
      setReviewState(f.db, { claimId: c.id, review: { reviewState: "verified", revision: c.revision }, actorId: f.ada.id }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    await expect(review(f.ada, claimIds[0], "disputed")).rejects.toMatchObject({ code: "invalid_input" });
  });

  const refusedDecisions = [
    { name: "without a reason", claim: 1, reason: "  ", code: "invalid_input" },
    { name: "on a claim its reviewers agree on", claim: 0, reason: "Because.", code: "invalid_input" },
    { name: "on a claim nobody reviewed", claim: 5, reason: "Because.", code: "invalid_input" },
  ];
  for (const { name, claim: index, reason, code } of refusedDecisions) {
    it(`refuses an adjudication ${name}, storing and logging nothing`, async () => {
      const c = await claim(claimIds[index]);
      const logged = await f.db.activity.count();
      await expect(
        adjudicateClaim(f.db, { dossierId: f.dossierId, claimId: c.id, decision: { outcome: "verified", reason, revision: c.revision }, actorId: f.owner.id }),
      ).rejects.toMatchObject({ code });
      expect(await f.db.adjudication.count()).toBe(0);
      expect(await f.db.activity.count()).toBe(logged);
    });
  }

  it("records the owner's decision with its reason, which settles the claim and empties the queue", async () => {
    const c = await claim(claimIds[1]);
    const decided = await adjudicateClaim(f.db, {
      dossierId: f.dossierId,
      claimId: c.id,
      decision: { outcome: "verified", reason: "Paragraph 3 of the source states it.", revision: c.revision },
      actorId: f.owner.id,
    });
    expect(decided).toMatchObject({ reviewState: "verified", revision: c.revision + 1 });
    expect(await f.db.adjudication.findFirstOrThrow()).toMatchObject({ claimId: c.id, deciderId: f.owner.id, outcome: "verified", reason: "Paragraph 3 of the source states it." });
    expect(await f.db.activity.findFirstOrThrow({ where: { entityId: c.id, action: "claim.adjudicated" } })).toMatchObject({
      before: { reviewState: "disputed" },
      after: { reviewState: "verified", reason: "Paragraph 3 of the source states it." },
    });
    expect(await listAdjudicationQueue(f.db, { dossierId: f.dossierId, actorId: f.owner.id })).toEqual([]);
  });

  it("takes a changed review after the claim is reopened, and logs the change", async () => {
    const c = await claim(claimIds[1]);
    await setReviewState(f.db, { claimId: c.id, review: { reviewState: "in_review", revision: c.revision }, actorId: f.ben.id });
    expect(await review(f.ben, claimIds[1], "verified")).toMatchObject({ reviewState: "verified" });
    expect(await f.db.activity.findFirstOrThrow({ where: { action: "review.changed", actorId: f.ben.id } })).toMatchObject({
      before: { claimId: c.id, verdict: "not_in_sources", reviewState: "in_review" },
      after: { claimId: c.id, verdict: "verified", reviewState: "verified" },
    });
  });

  it("measures agreement per pair with Cohen's kappa on a hand-computed example", async () => {
    // Ada's and Ben's verdicts on ten claims (the first two are already verified by both):
    //                 Ben verified  Ben disputed  Ben not_in_sources | Ada total
    //   Ada verified        4            1              0           |   5
    //   Ada disputed        0            2              1           |   3
    //   Ada not_in_sources  1            0              1           |   2
    //   Ben total           5            3              2           |  10
    // p_o = 7/10 = 0.7; p_e = (5·5 + 3·3 + 2·2)/100 = 0.38; κ = 0.32/0.62 = 16/31.
    const rest: [Verdict, Verdict][] = [
      ["verified", "verified"],
      ["verified", "verified"],
      ["verified", "disputed"],
      ["disputed", "disputed"],
      ["disputed", "disputed"],
      ["disputed", "not_in_sources"],
      ["not_in_sources", "not_in_sources"],
      ["not_in_sources", "verified"],
    ];
    for (const [i, [a, b]] of rest.entries()) {
      await review(f.ada, claimIds[i + 2], a);
      await review(f.ben, claimIds[i + 2], b);
    }
    // A third reviewer with one claim in common with each.
    const cy = await f.db.user.create({ data: { email: "cy@example.org", name: "Cy" } });
    await f.db.membership.create({ data: { workspaceId: f.workspaceId, userId: cy.id, role: "reviewer" } });
    await f.db.claim.update({ where: { id: claimIds[0] }, data: { reviewState: "in_review" } });
    await submitReview(f.db, { dossierId: f.dossierId, claimId: claimIds[0], review: { verdict: "verified" }, actorId: cy.id });

    const pairs = await getAgreement(f.db, { dossierId: f.dossierId, actorId: f.owner.id });
    expect(pairs.map((p) => [p.reviewers[0].name, p.reviewers[1].name, p.claims])).toEqual([
      ["Ada", "Ben", 10],
      ["Ada", "Cy", 1],
      ["Ben", "Cy", 1],
    ]);
    expect(pairs[0].observedAgreement).toBeCloseTo(0.7, 12);
    expect(pairs[0].kappa).toBeCloseTo(16 / 31, 12);
    // One shared claim with one shared verdict: total agreement, kappa undefined.
    expect(pairs[1]).toMatchObject({ observedAgreement: 1, kappa: null });
  });

  it("keeps a claim's state true to its stored reviews when two reviewers submit at once", async () => {
    for (const claimId of [claimIds[10], claimIds[11]]) {
      const results = await Promise.allSettled([review(f.ada, claimId, "verified"), review(f.ben, claimId, "not_in_sources")]);
      for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "conflict" });
      const stored = await f.db.review.findMany({ where: { claimId } });
      expect(stored).toHaveLength(results.filter((r) => r.status === "fulfilled").length);
      expect((await claim(claimId)).reviewState).toBe(stored.length === 2 ? "disputed" : "in_review");
      expect(await f.db.activity.count({ where: { entityType: "review", entityId: { in: stored.map((r) => r.id) } } })).toBe(stored.length);
    }
  });

  it("does not reach the claims or agreement of another dossier", async () => {
    const foreign = await f.db.claim.findFirstOrThrow({ where: { dossierId: f.otherDossierId } });
    await expect(review(f.ada, foreign.id, "verified")).rejects.toMatchObject({ code: "not_found" });
    await expect(reviewsAs(f.ada, foreign.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(
      adjudicateClaim(f.db, { dossierId: f.dossierId, claimId: foreign.id, decision: { outcome: "verified", reason: "x", revision: 1 }, actorId: f.owner.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(getAgreement(f.db, { dossierId: f.otherDossierId, actorId: f.owner.id })).rejects.toMatchObject({ code: "not_found" });
  });
});
