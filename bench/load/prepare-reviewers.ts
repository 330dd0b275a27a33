// Sets a fresh app up for a load run: the owner's account, the load dossier, one reviewer token per claim.
import { callJson } from "./call-json.ts";
import { seedLoadDossier } from "./seed-load-dossier.ts";

/** One simulated reviewer: its token, its link and claim, and what it last saw of them. */
export interface Reviewer {
  token: string;
  linkId: string;
  claimId: string;
  /** What this reviewer last saw (a revision, the next verdict to give), kept across a run and from one run to the next. */
  linkRevision: number;
  claimRevision: number;
  verdict: number;
}

/**
 * Signs up the first account (the example workspace's owner) through `baseUrl`, seeds a dossier of
 * `count` claims into the database at `databaseUrl`, and makes one reviewer token per claim. The
 * owner's session cookie comes back too.
 */
export async function prepareReviewers(baseUrl: string, databaseUrl: string, count: number): Promise<{ dossierId: string; reviewers: Reviewer[]; cookie: string }> {
  const signUp = await callJson(`${baseUrl}/api/auth/sign-up/email`, {
    method: "POST",
    body: JSON.stringify({ name: "Load Owner", email: "owner@load.test", password: "correct horse battery staple" }),
  });
  if (signUp.status !== 200) throw new Error(`sign-up answered ${signUp.status}: ${JSON.stringify(signUp.body)}`);
  const cookie = signUp.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { dossierId, links } = await seedLoadDossier(databaseUrl, count);
  const wsId = (await callJson(`${baseUrl}/api/v1/dossiers/${dossierId}`, { cookie })).body.workspaceId as string;
  const reviewers: Reviewer[] = [];
  for (let i = 0; i < count; i++) {
    const made = await callJson(`${baseUrl}/api/v1/tokens`, { method: "POST", cookie, body: JSON.stringify({ name: `Reviewer ${i + 1}`, workspaceId: wsId, role: "reviewer" }) });
    if (made.status !== 201) throw new Error(`token ${i + 1}: ${made.status} ${JSON.stringify(made.body)}`);
    reviewers.push({ token: made.body.token, linkId: links[i].id, claimId: links[i].claimId, linkRevision: 1, claimRevision: 1, verdict: 0 });
  }
  return { dossierId, reviewers, cookie };
}
