// The job routes, called as Next.js calls them: a dossier's jobs for a member, cancelling for editors and owners.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as jobsRoute from "@/app/api/v1/dossiers/[dossierId]/jobs/route.ts";
import * as cancelRoute from "@/app/api/v1/jobs/[jobId]/cancel/route.ts";
import { setProcessDatabase } from "@/server/db/process-database.ts";
import { createTestDatabase, type TestDatabase } from "../test-database.ts";
import { ORIGIN, serveTestDatabase, signUpThroughRoute } from "../route-session.ts";

const params = <P>(p: P) => ({ params: Promise.resolve(p) });
const get = (cookie: string) => new Request(`${ORIGIN}/`, { headers: { cookie } });
const post = (cookie: string) => new Request(`${ORIGIN}/`, { method: "POST", headers: { cookie, origin: ORIGIN } });

describe("job routes", () => {
  let t: TestDatabase;
  let dossierId: string;
  let owner: { cookie: string; userId: string };
  let viewer: { cookie: string; userId: string };
  let stranger: { cookie: string; userId: string };
  const running = randomUUID();
  const finished = randomUUID();

  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
    serveTestDatabase(t);
    const dossier = await t.db.dossier.findFirstOrThrow();
    dossierId = dossier.id;
    owner = await signUpThroughRoute("owner@example.test");
    viewer = await signUpThroughRoute("viewer@example.test");
    stranger = await signUpThroughRoute("stranger@example.test");
    await t.db.membership.create({ data: { workspaceId: dossier.workspaceId, userId: viewer.userId, role: "viewer" } });
    const startedAt = new Date(Date.now() - 20_000);
    await t.db.job.createMany({
      data: [
        { id: running, runId: running, dossierId, kind: "suggestions", state: "running", done: 500, total: 2000, attempts: 1, startedAt },
        { id: finished, runId: finished, dossierId, kind: "suggestions", state: "done", done: 12, total: 12, attempts: 1, startedAt, finishedAt: new Date() },
      ],
    });
  });
  afterAll(async () => {
    setProcessDatabase(undefined);
    await t?.drop();
  });

  it("lists the dossier's running jobs first, with items done of total and the time left at their pace", async () => {
    const response = await jobsRoute.GET(get(viewer.cookie), params({ dossierId }));
    expect(response.status).toBe(200);
    const { jobs, canCancel } = (await response.json()) as { jobs: { id: string; label: string; state: string; done: number; total: number; etaSeconds: number | null }[]; canCancel: boolean };
    expect(canCancel).toBe(false);
    expect(jobs.map((j) => j.id)).toEqual([running, finished]);
    expect(jobs[0]).toMatchObject({ label: "Suggesting spans for 2,000 claims", state: "running", done: 500, total: 2000 });
    // 500 claims in about 20 s: about 60 s for the 1,500 left.
    expect(jobs[0].etaSeconds).toBeGreaterThanOrEqual(59);
    expect(jobs[0].etaSeconds).toBeLessThan(70);
    expect(jobs[1]).toMatchObject({ state: "done", etaSeconds: null });
  });

  it("hides a dossier's jobs from someone outside its workspace, and asks for a session", async () => {
    expect((await jobsRoute.GET(get(stranger.cookie), params({ dossierId }))).status).toBe(404);
    expect((await jobsRoute.GET(new Request(`${ORIGIN}/`), params({ dossierId }))).status).toBe(401);
    expect((await cancelRoute.POST(post(stranger.cookie), params({ jobId: running }))).status).toBe(404);
  });

  it("lets an owner cancel a running job, not a viewer, and says when it has already ended", async () => {
    const refused = await cancelRoute.POST(post(viewer.cookie), params({ jobId: running }));
    expect(refused.status).toBe(403);
    const cancelled = await cancelRoute.POST(post(owner.cookie), params({ jobId: running }));
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({ id: running, state: "cancelled", done: 500 });
    expect(await t.db.activity.count({ where: { action: "job.cancelled", entityId: running, actorId: owner.userId } })).toBe(1);
    const again = await cancelRoute.POST(post(owner.cookie), params({ jobId: running }));
    expect(again.status).toBe(409);
    expect((await cancelRoute.POST(post(owner.cookie), params({ jobId: finished }))).status).toBe(409);
    expect((await cancelRoute.POST(post(owner.cookie), params({ jobId: "not-an-id" }))).status).toBe(400);
  });
});
