// Reviewers changing one verdict at the same moment: one wins each round, every other gets a
// conflict carrying the current link, and no change is lost or applied twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideLink } from "@/server/links/decide-link.ts";
import type { LinkView } from "@/server/dossiers/get-dossier-or-throw.ts";
import type { Actor } from "@/server/policies/actor.ts";
import { createMember, exampleWorkspaceId } from "../test-actors.ts";
import { createTestDatabase, type TestDatabase } from "../test-database.ts";

const REVIEWERS = 8;
const VERDICTS = ["supports", "partial", "contradicts"] as const;

describe(`concurrent verdict changes (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  let t: TestDatabase;
  let dossierId: string;
  let reviewers: Actor[];

  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
    dossierId = (await t.db.dossier.findFirstOrThrow()).id;
    const workspaceId = await exampleWorkspaceId(t.db);
    reviewers = await Promise.all(Array.from({ length: REVIEWERS }, (_, i) => createMember(t.db, workspaceId, "reviewer", `Reviewer ${i}`)));
  });
  afterAll(async () => t?.drop());

  const firstLink = () => t.db.link.findFirstOrThrow({ where: { claim: { dossierId } }, orderBy: { id: "asc" } });
  const logged = (linkId: string) => t.db.activity.count({ where: { entityId: linkId } });

  it(`lets exactly one of ${REVIEWERS} simultaneous changes from one revision through; the others get the winner's link`, async () => {
    const link = await firstLink();
    const before = await logged(link.id);
    const results = await Promise.allSettled(
      reviewers.map((actor, i) =>
        decideLink(t.db, { actor, linkId: link.id, decision: { state: "accepted", verdict: VERDICTS[i % 3], revision: link.revision } }),
      ),
    );
    const won = results.filter((r): r is PromiseFulfilledResult<LinkView> => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(REVIEWERS - 1);
    const winner = won[0].value;
    expect(winner.revision).toBe(link.revision + 1);
    for (const { reason } of lost) {
      expect(reason).toMatchObject({ code: "conflict", details: { link: { id: link.id, revision: winner.revision, verdict: winner.verdict } } });
    }
    const stored = await t.db.link.findUniqueOrThrow({ where: { id: link.id } });
    expect(stored).toMatchObject({ revision: link.revision + 1, state: "accepted", verdict: winner.verdict });
    expect(await logged(link.id)).toBe(before + 1);
  });

  it("loses none of the changes when each refused reviewer tries again from the state the conflict showed", async () => {
    const link = await firstLink();
    const before = await logged(link.id);
    let conflicts = 0;
    const applied: number[] = [];
    await Promise.all(
      reviewers.map(async (actor, i) => {
        let revision = link.revision;
        for (;;) {
          try {
            const result = await decideLink(t.db, { actor, linkId: link.id, decision: { state: "accepted", verdict: VERDICTS[i % 3], revision } });
            applied.push(result.revision);
            return;
          } catch (error) {
            const current = (error as { code?: string; details?: { link?: LinkView } }).details?.link;
            if ((error as { code?: string }).code !== "conflict" || !current) throw error;
            conflicts++;
            revision = current.revision;
          }
        }
      }),
    );
    // Every change applied once, each on the revision the one before it made.
    expect(applied.sort((a, b) => a - b)).toEqual(Array.from({ length: REVIEWERS }, (_, i) => link.revision + 1 + i));
    expect((await t.db.link.findUniqueOrThrow({ where: { id: link.id } })).revision).toBe(link.revision + REVIEWERS);
    expect(await logged(link.id)).toBe(before + REVIEWERS);
    // All started from one revision, so all but one were refused at least once.
    expect(conflicts).toBeGreaterThanOrEqual(REVIEWERS - 1);
  });
});
