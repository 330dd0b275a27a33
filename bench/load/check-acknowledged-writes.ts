// After a load run: every acknowledged write is in the database, none is stored twice, and every link's revision matches its log.
import pg from "pg";
import type { Reviewer } from "./prepare-reviewers.ts";
import type { WriteLedger } from "./run-review-load.ts";

/** What the database holds against what the clients were told. */
export interface WriteCheck {
  ackedVerdicts: number;
  loggedVerdicts: number;
  ackedReviews: number;
  loggedReviews: number;
  /** Acknowledged writes missing from the activity log. */
  lost: number;
  /** Logged writes beyond the acknowledged ones and those left without an answer: a write stored twice. */
  duplicated: number;
  /** Links whose revision is not 1 + their logged decisions (a change without its log entry, or the reverse). */
  mismatched: number;
}

/**
 * Reads every reviewer's link and claim back from `databaseUrl`. A write in flight when a run
 * stopped (or when its instance was killed) may be stored without its answer being counted, so a
 * link may hold more than was acknowledged, never less, and never more than acknowledged plus
 * unanswered.
 */
export async function checkAcknowledgedWrites(databaseUrl: string, reviewers: Reviewer[], ledger: WriteLedger): Promise<WriteCheck> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const linkIds = reviewers.map((r) => r.linkId);
    const rows = (await client.query(`SELECT id, revision FROM "Link" WHERE id = ANY($1)`, [linkIds])).rows as { id: string; revision: number }[];
    const decided = (await client.query(`SELECT "entityId" AS id, count(*)::int AS n FROM "Activity" WHERE "entityType" = 'link' AND "entityId" = ANY($1) GROUP BY 1`, [linkIds])).rows as { id: string; n: number }[];
    const loggedReviews = (await client.query(`SELECT count(*)::int AS n FROM "Activity" WHERE "entityType" = 'claim' AND "entityId" = ANY($1)`, [reviewers.map((r) => r.claimId)])).rows[0].n as number;
    const logged = new Map(decided.map((d) => [d.id, d.n]));
    let lost = 0;
    let mismatched = 0;
    let extra = 0;
    for (const row of rows) {
      const acked = ledger.acked.get(row.id) ?? 0;
      const inLog = logged.get(row.id) ?? 0;
      if (inLog < acked) lost += acked - inLog;
      else extra += inLog - acked;
      if (row.revision !== 1 + inLog) mismatched++;
    }
    if (loggedReviews < ledger.ackedReviews) lost += ledger.ackedReviews - loggedReviews;
    const duplicated = Math.max(0, extra - ledger.uncertainVerdicts) + Math.max(0, loggedReviews - ledger.ackedReviews - ledger.uncertainReviews);
    const ackedVerdicts = [...ledger.acked.values()].reduce((a, b) => a + b, 0);
    return { ackedVerdicts, loggedVerdicts: decided.reduce((a, d) => a + d.n, 0), ackedReviews: ledger.ackedReviews, loggedReviews, lost, duplicated, mismatched };
  } finally {
    await client.end();
  }
}
