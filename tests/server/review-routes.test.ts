// The review routes, called as Next.js calls them: the two-reviewer flow end to end through JSON,
// the re-check queue, and the refusals (another workspace → 404, a role too low → 403, no session → 401).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as queueRoute from "@/app/api/v1/queue/route.ts";
import * as modeRoute from "@/app/api/v1/dossiers/[dossierId]/two-reviewer-mode/route.ts";
import * as deskRoute from "@/app/api/v1/dossiers/[dossierId]/review-desk/route.ts";
import * as adjudicationsRoute from "@/app/api/v1/dossiers/[dossierId]/adjudications/route.ts";
import * as agreementRoute from "@/app/api/v1/dossiers/[dossierId]/agreement/route.ts";
import * as recheckRoute from "@/app/api/v1/dossiers/[dossierId]/recheck/route.ts";
import * as activityRoute from "@/app/api/v1/dossiers/[dossierId]/activity/route.ts";
import * as assignmentRoute from "@/app/api/v1/dossiers/[dossierId]/claims/[claimId]/assignment/route.ts";
import * as reviewsRoute from "@/app/api/v1/dossiers/[dossierId]/claims/[claimId]/reviews/route.ts";
import * as adjudicationRoute from "@/app/api/v1/dossiers/[dossierId]/claims/[claimId]/adjudication/route.ts";
import * as historyRoute from "@/app/api/v1/dossiers/[dossierId]/claims/[claimId]/history/route.ts";
import * as claimReviewRoute from "@/app/api/v1/dossiers/[dossierId]/claims/[claimId]/review/route.ts";
import { setProcessDatabase } from "@/server/db/process-database.ts";
import { addDocumentVersion } from "@/server/documents/add-document-version.ts";
import { addSource } from "@/server/documents/add-source.ts";
import { createLink } from "@/server/links/create-link.ts";
import type { Actor } from "@/server/policies/actor.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";
import { serveTestDatabase, signUpThroughRoute } from "./route-session.ts";

const ORIGIN = "http://localhost:3000";
const params = <P>(p: P) => ({ params: Promise.resolve(p) });
const post = (body: unknown, cookie: string) =>
  new Request(`${ORIGIN}/`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", cookie, origin: ORIGIN } });
const get = (cookie: string, query = "") => new Request(`${ORIGIN}/${query}`, { headers: { cookie } });

const signUp = async (email: string) => {
  const { cookie, userId } = await signUpThroughRoute(email);
  return { cookie, id: userId };
};

describe("review routes", () => {
  let t: TestDatabase;
  let dossierId: string;
  let claimId: string;
  let owner: { cookie: string; id: string };
  let ada: { cookie: string; id: string };
  let ben: { cookie: string; id: string };
  let viewer: { cookie: string; id: string };
  let stranger: { cookie: string; id: string };
  const ownerActor = (): Actor => ({ kind: "user", userId: owner.id, name: "owner", email: "owner@example.test" });

  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
    serveTestDatabase(t);
    const dossier = await t.db.dossier.findFirstOrThrow();
    dossierId = dossier.id;
    claimId = (await t.db.claim.findFirstOrThrow({ where: { dossierId }, orderBy: { order: "asc" } })).id;
    // The first account owns the example workspace; the others join it with a role (there is no
    // invitation flow yet), except the stranger, who keeps a workspace of their own.
    owner = await signUp("owner@example.test");
    ada = await signUp("ada@example.test");
    ben = await signUp("ben@example.test");
    viewer = await signUp("vera@example.test");
    stranger = await signUp("stranger@example.test");
    await t.db.membership.createMany({
      data: [
        { workspaceId: dossier.workspaceId, userId: ada.id, role: "reviewer" },
        { workspaceId: dossier.workspaceId, userId: ben.id, role: "reviewer" },
        { workspaceId: dossier.workspaceId, userId: viewer.id, role: "viewer" },
      ],
    });
  });
  afterAll(async () => {
    setProcessDatabase(undefined);
    await t?.drop();
  });

  const claimParams = () => params({ dossierId, claimId });
  const revision = async () => (await t.db.claim.findUniqueOrThrow({ where: { id: claimId } })).revision;

  it("takes a claim through two disagreeing reviewers to the owner's decision, blind until each has reviewed", async () => {
    const mode = await modeRoute.POST(post({ enabled: true }, owner.cookie), params({ dossierId }));
    expect(mode.status).toBe(200);
    expect(await mode.json()).toEqual({ dossierId, twoReviewerMode: true });

    const assigned = await assignmentRoute.POST(post({ assigneeId: ada.id, revision: await revision() }, owner.cookie), claimParams());
    expect(assigned.status).toBe(200);
    expect(await assigned.json()).toMatchObject({ id: claimId, assigneeId: ada.id });
    const queue = await (await queueRoute.GET(get(ada.cookie), params({}))).json();
    expect(queue.map((q: { claimId: string }) => q.claimId)).toEqual([claimId]);

    const first = await reviewsRoute.POST(post({ verdict: "verified", note: "Matches the post." }, ada.cookie), claimParams());
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ verdict: "verified", reviewState: "in_review", disagreement: false });

    const blind = await (await reviewsRoute.GET(get(ben.cookie), claimParams())).json();
    expect(blind).toMatchObject({ hidden: true, others: [], othersSubmitted: 1, mine: null });
    const blindReview = await (await claimReviewRoute.GET(get(ben.cookie), claimParams())).json();
    expect(blindReview.history.filter((h: { entityType: string }) => h.entityType === "review")).toEqual([
      expect.objectContaining({ hidden: true, after: { claimId } }),
    ]);

    const second = await reviewsRoute.POST(post({ verdict: "disputed" }, ben.cookie), claimParams());
    expect(await second.json()).toMatchObject({ reviewState: "disputed", disagreement: true });
    const seen = await (await reviewsRoute.GET(get(ben.cookie), claimParams())).json();
    expect(seen.others.map((r: { verdict: string }) => r.verdict)).toEqual(["verified"]);

    const waiting = await (await adjudicationsRoute.GET(get(owner.cookie), params({ dossierId }))).json();
    expect(waiting).toHaveLength(1);
    expect(waiting[0].reviews.map((r: { verdict: string }) => r.verdict)).toEqual(["verified", "disputed"]);

    const before = await t.db.activity.count();
    const noReason = await adjudicationRoute.POST(post({ outcome: "verified", reason: " ", revision: waiting[0].revision }, owner.cookie), claimParams());
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).error.message).toBe("reason: Give a reason for the decision.");
    expect(await t.db.activity.count()).toBe(before);

    const decided = await adjudicationRoute.POST(post({ outcome: "verified", reason: "The post says it in so many words.", revision: waiting[0].revision }, owner.cookie), claimParams());
    expect(decided.status).toBe(200);
    expect(await decided.json()).toMatchObject({ reviewState: "verified", reason: "The post says it in so many words." });
    expect(await (await adjudicationsRoute.GET(get(owner.cookie), params({ dossierId }))).json()).toEqual([]);

    const agreement = await (await agreementRoute.GET(get(viewer.cookie), params({ dossierId }))).json();
    expect(agreement).toEqual([{ reviewers: [{ id: ada.id, name: "ada" }, { id: ben.id, name: "ben" }], claims: 1, observedAgreement: 0, kappa: 0 }]);

    const history = await (await historyRoute.GET(get(owner.cookie, "?as=owner"), claimParams())).json();
    expect(history.map((h: { action: string }) => h.action)).toEqual(["claim.assigned", "review.submitted", "review.submitted", "claim.adjudicated"]);
    expect(history[3].after).toMatchObject({ reviewState: "verified", reason: "The post says it in so many words." });

    const review = await (await claimReviewRoute.GET(get(owner.cookie), claimParams())).json();
    expect(review).toMatchObject({ reviewState: "verified", assignee: { id: ada.id, name: "ada" }, twoReviewerMode: true, awaitingAdjudication: false });
    expect(review.history.every((h: { hidden: boolean }) => !h.hidden)).toBe(true);

    const feed = await (await activityRoute.GET(get(owner.cookie, "?limit=2"), params({ dossierId }))).json();
    expect(feed.items.map((h: { action: string }) => h.action)).toEqual(["claim.adjudicated", "review.submitted"]);
    expect(typeof feed.nextCursor).toBe("string");
    const older = await (await activityRoute.GET(get(owner.cookie, `?limit=2&cursor=${feed.nextCursor}`), params({ dossierId }))).json();
    expect(older.items.map((h: { action: string }) => h.action)).toEqual(["review.submitted", "claim.assigned"]);

    const desk = await (await deskRoute.GET(get(ada.cookie), params({ dossierId }))).json();
    expect(desk.dossier.twoReviewerMode).toBe(true);
    expect(desk.viewer).toMatchObject({ role: "reviewer", may: { review: true, assign: false, adjudicate: false, settings: false, recheck: true } });
    expect(desk.members.map((m: { name: string }) => m.name)).toEqual(["ada", "ben", "owner", "vera"]);
    expect(desk.claims.find((c: { id: string }) => c.id === claimId)).toMatchObject({ reviewState: "verified", reviews: 2, assignee: { id: ada.id } });
  });

  it("lists a link whose text changed with a word diff, and confirms it", async () => {
    const actor = ownerActor();
    const source = await addSource(t.db, { dossierId, document: { from: "text", text: "Officials say 10,000 troops went to the border." }, actor });
    const other = (await t.db.claim.findFirstOrThrow({ where: { dossierId }, orderBy: { order: "desc" } })).id;
    const link = await createLink(t.db, { claimId: other, link: { versionId: source.versionId, start: 14, end: 46 }, actor });
    await addDocumentVersion(t.db, { documentId: source.documentId, document: { from: "text", text: "Officials say 12,000 troops went to the border." }, actor });

    const queue = await (await recheckRoute.GET(get(ada.cookie), params({ dossierId }))).json();
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({ kind: "link", id: link.id, anchorStatus: "changed", oldText: "10,000 troops went to the border", newText: "12,000 troops went to the border" });
    expect(queue[0].diff).toEqual([
      { op: "delete", text: "10,000" },
      { op: "insert", text: "12,000" },
      { op: "equal", text: " troops went to the border" },
    ]);

    const bad = await recheckRoute.POST(post({ target: { kind: "link", linkId: link.id }, resolution: { action: "move", revision: 1 } }, ada.cookie), params({ dossierId }));
    expect(bad.status).toBe(400);
    const confirmed = await recheckRoute.POST(post({ target: { kind: "link", linkId: link.id }, resolution: { action: "confirm", revision: queue[0].revision } }, ada.cookie), params({ dossierId }));
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toMatchObject({ kind: "link", id: link.id, anchorStatus: "anchored" });
    expect(await (await recheckRoute.GET(get(ada.cookie), params({ dossierId }))).json()).toEqual([]);
  });

  it("answers 404 to a member of another workspace on every review route, changing nothing", async () => {
    const as = stranger.cookie;
    const before = await t.db.activity.count();
    const rev = await revision();
    const responses = {
      mode: await modeRoute.POST(post({ enabled: false }, as), params({ dossierId })),
      desk: await deskRoute.GET(get(as), params({ dossierId })),
      adjudications: await adjudicationsRoute.GET(get(as), params({ dossierId })),
      agreement: await agreementRoute.GET(get(as), params({ dossierId })),
      recheckQueue: await recheckRoute.GET(get(as), params({ dossierId })),
      recheck: await recheckRoute.POST(post({ target: { kind: "link", linkId: claimId }, resolution: { action: "drop", revision: 1 } }, as), params({ dossierId })),
      activity: await activityRoute.GET(get(as), params({ dossierId })),
      assignment: await assignmentRoute.POST(post({ assigneeId: stranger.id, revision: rev }, as), claimParams()),
      reviews: await reviewsRoute.GET(get(as), claimParams()),
      review: await reviewsRoute.POST(post({ verdict: "verified" }, as), claimParams()),
      adjudication: await adjudicationRoute.POST(post({ outcome: "verified", reason: "mine", revision: rev }, as), claimParams()),
      history: await historyRoute.GET(get(as), claimParams()),
      claimReview: await claimReviewRoute.GET(get(as), claimParams()),
    };
    expect(Object.fromEntries(Object.entries(responses).map(([name, r]) => [name, r.status]))).toEqual(
      Object.fromEntries(Object.keys(responses).map((name) => [name, 404])),
    );
    expect(await t.db.activity.count()).toBe(before);
    expect(await (await queueRoute.GET(get(as), params({}))).json()).toEqual([]);
  });

  it("answers 403 to a role too low for the change, changing nothing", async () => {
    const before = await t.db.activity.count();
    const rev = await revision();
    const cases = [
      { name: "a reviewer turning two-reviewer mode off", call: () => modeRoute.POST(post({ enabled: false }, ada.cookie), params({ dossierId })) },
      { name: "a reviewer assigning a claim", call: () => assignmentRoute.POST(post({ assigneeId: ada.id, revision: rev }, ada.cookie), claimParams()) },
      { name: "a reviewer reading the adjudication queue", call: () => adjudicationsRoute.GET(get(ada.cookie), params({ dossierId })) },
      { name: "a reviewer adjudicating", call: () => adjudicationRoute.POST(post({ outcome: "disputed", reason: "I say so", revision: rev }, ada.cookie), claimParams()) },
      { name: "a viewer reviewing", call: () => reviewsRoute.POST(post({ verdict: "verified" }, viewer.cookie), claimParams()) },
      { name: "a viewer re-checking", call: () => recheckRoute.POST(post({ target: { kind: "link", linkId: claimId }, resolution: { action: "drop", revision: 1 } }, viewer.cookie), params({ dossierId })) },
    ];
    for (const { name, call } of cases) {
      const response = await call();
      expect({ name, status: response.status, code: (await response.json()).error.code }).toEqual({ name, status: 403, code: "forbidden" });
    }
    expect(await t.db.activity.count()).toBe(before);
  });

  it("answers 401 without a session, and 400 for a malformed page of the feed", async () => {
    expect((await queueRoute.GET(get(""), params({}))).status).toBe(401);
    expect((await reviewsRoute.POST(post({ verdict: "verified" }, ""), claimParams())).status).toBe(401);
    const badLimit = await activityRoute.GET(get(owner.cookie, "?limit=lots"), params({ dossierId }));
    expect(badLimit.status).toBe(400);
    const badCursor = await activityRoute.GET(get(owner.cookie, "?cursor=nope"), params({ dossierId }));
    expect((await badCursor.json()).error.message).toBe("cursor: not a cursor of this feed.");
  });
});
