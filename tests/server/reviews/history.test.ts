import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/server/annotations/create-annotation.ts";
import { setReviewState } from "@/server/claims/set-review-state.ts";
import { addSource } from "@/server/documents/add-source.ts";
import { createLink } from "@/server/links/create-link.ts";
import { decideLink } from "@/server/links/decide-link.ts";
import { deleteLink } from "@/server/links/delete-link.ts";
import { adjudicateClaim } from "@/server/reviews/adjudicate-claim.ts";
import { assignClaim } from "@/server/reviews/assign-claim.ts";
import { getClaimHistory } from "@/server/reviews/get-claim-history.ts";
import { listDossierActivity } from "@/server/reviews/list-dossier-activity.ts";
import { setTwoReviewerMode } from "@/server/reviews/set-two-reviewer-mode.ts";
import { submitReview } from "@/server/reviews/submit-review.ts";
import { createReviewFixture, type Person, type ReviewFixture } from "./review-fixture.ts";

const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

describe("claim history and the dossier's activity feed", () => {
  let f: ReviewFixture;
  let claimId: string;
  let reviewedId: string;

  beforeAll(async () => {
    f = await createReviewFixture();
    const claims = await f.db.claim.findMany({ where: { dossierId: f.dossierId }, orderBy: { order: "asc" }, take: 2 });
    claimId = claims[0].id;
    reviewedId = claims[1].id;
  });
  afterAll(async () => f?.t.drop());

  const revision = async (id: string) => (await f.db.claim.findUniqueOrThrow({ where: { id } })).revision;
  const history = (who: Person, id = claimId, asOwner = false) => getClaimHistory(f.db, { dossierId: f.dossierId, claimId: id, actorId: who.id, asOwner });

  it("tells every change to the claim, its links and its annotations, oldest first, with names", async () => {
    await assignClaim(f.db, { dossierId: f.dossierId, claimId, assignment: { assigneeId: f.ada.id, revision: await revision(claimId) }, actorId: f.owner.id });
    await setReviewState(f.db, { claimId, review: { reviewState: "in_review", revision: await revision(claimId) }, actorId: f.ada.id });
    const source = await addSource(f.db, { dossierId: f.dossierId, document: { from: "text", text: "A short source about the border and its troops." }, actor: f.owner.actor });
    const kept = await createLink(f.db, { claimId, link: { versionId: source.versionId, start: 0, end: 14 }, actor: f.ada.actor });
    await decideLink(f.db, { linkId: kept.id, decision: { state: "accepted", verdict: "partial", revision: kept.revision }, actor: f.ada.actor });
    await createAnnotation(f.db, { dossierId: f.dossierId, annotation: { target: { kind: "link", linkId: kept.id }, body: doc("Only partly.") }, actor: f.ben.actor });
    await createAnnotation(f.db, { dossierId: f.dossierId, annotation: { target: { kind: "claim", claimId }, body: doc("Check the date.") }, actor: f.ben.actor });
    const gone = await createLink(f.db, { claimId, link: { versionId: source.versionId, start: 15, end: 20 }, actor: f.ada.actor });
    await deleteLink(f.db, { linkId: gone.id, request: { revision: gone.revision }, actor: f.ada.actor });
    await setReviewState(f.db, { claimId, review: { reviewState: "verified", revision: await revision(claimId) }, actorId: f.ada.id });

    const entries = await history(f.ben);
    expect(entries.map((e) => [e.action, e.actor?.name])).toEqual([
      ["claim.assigned", "Olivia"],
      ["claim.review_state_set", "Ada"],
      ["link.created", "Ada"],
      ["link.accepted", "Ada"],
      ["annotation.created", "Ben"],
      ["annotation.created", "Ben"],
      ["link.created", "Ada"],
      ["link.deleted", "Ada"],
      ["claim.review_state_set", "Ada"],
    ]);
    expect(entries.every((e) => !e.hidden)).toBe(true);
  });

  it("writes no history for refused or stale changes", async () => {
    const logged = (await history(f.owner)).length;
    const total = await f.db.activity.count();
    const stale = (await revision(claimId)) - 1;
    const current = await revision(claimId);
    const attempts = [
      () => setReviewState(f.db, { claimId, review: { reviewState: "in_review", revision: stale }, actorId: f.ada.id }),
      () => setReviewState(f.db, { claimId, review: { reviewState: "disputed", revision: current }, actorId: f.ada.id }),
      () => assignClaim(f.db, { dossierId: f.dossierId, claimId, assignment: { assigneeId: f.outsider.id, revision: current }, actorId: f.owner.id }),
      () => assignClaim(f.db, { dossierId: f.dossierId, claimId, assignment: { assigneeId: f.ben.id, revision: stale }, actorId: f.owner.id }),
      () => submitReview(f.db, { dossierId: f.dossierId, claimId, review: { verdict: "verified" }, actorId: f.ada.id }),
      () => adjudicateClaim(f.db, { dossierId: f.dossierId, claimId, decision: { outcome: "verified", reason: "x", revision: current }, actorId: f.owner.id }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: expect.stringMatching(/^(conflict|invalid_input)$/) });
    expect((await history(f.owner)).length).toBe(logged);
    expect(await f.db.activity.count()).toBe(total);
    expect(await f.db.review.count()).toBe(0);
  });

  it("hides another reviewer's verdict in the history until the reader has given theirs", async () => {
    await setTwoReviewerMode(f.db, { dossierId: f.dossierId, mode: { enabled: true }, actorId: f.owner.id });
    await submitReview(f.db, { dossierId: f.dossierId, claimId: reviewedId, review: { verdict: "verified", note: "Matches." }, actorId: f.ada.id });

    const blind = (await history(f.ben, reviewedId)).find((e) => e.entityType === "review")!;
    expect(blind).toMatchObject({ action: "review.submitted", actor: { name: "Ada" }, hidden: true, before: { claimId: reviewedId }, after: { claimId: reviewedId } });
    expect(JSON.stringify(blind)).not.toContain("verified");
    expect((await history(f.ada, reviewedId)).find((e) => e.entityType === "review")).toMatchObject({ hidden: false, after: { verdict: "verified" } });
    expect((await history(f.owner, reviewedId, true)).find((e) => e.entityType === "review")).toMatchObject({ hidden: false, after: { verdict: "verified" } });

    await submitReview(f.db, { dossierId: f.dossierId, claimId: reviewedId, review: { verdict: "disputed" }, actorId: f.ben.id });
    const open = (await history(f.ben, reviewedId)).filter((e) => e.entityType === "review");
    expect(open.map((e) => [e.actor?.name, e.hidden, (e.after as { verdict: string }).verdict])).toEqual([
      ["Ada", false, "verified"],
      ["Ben", false, "disputed"],
    ]);
  });

  it("pages through the dossier's feed newest first, hiding verdicts the same way", async () => {
    const all = await f.db.activity.findMany({ where: { dossierId: f.dossierId }, orderBy: [{ at: "desc" }, { id: "desc" }] });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listDossierActivity(f.db, { dossierId: f.dossierId, page: { cursor, limit: 4 }, actorId: f.owner.id });
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(seen).toEqual(all.map((a) => a.id));
    expect(pages).toBe(Math.ceil(all.length / 4));

    // Someone outside the dossier's workspace does not learn that it exists.
    await expect(listDossierActivity(f.db, { dossierId: f.dossierId, page: { limit: 2 }, actorId: f.outsider.id })).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses a malformed cursor and an unknown dossier", async () => {
    await expect(listDossierActivity(f.db, { dossierId: f.dossierId, page: { cursor: "nope" }, actorId: f.owner.id })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(
      listDossierActivity(f.db, { dossierId: "00000000-0000-4000-8000-000000000000", actorId: f.owner.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(history(f.owner, (await f.db.claim.findFirstOrThrow({ where: { dossierId: f.otherDossierId } })).id)).rejects.toMatchObject({ code: "not_found" });
  });
});
