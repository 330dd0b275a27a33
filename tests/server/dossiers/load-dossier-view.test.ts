import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPlainText } from "@/core/import/import-plain-text.ts";
import type { ClaimState } from "@/core/review/claim-state.ts";
import type { TextDocument } from "@/core/text/types.ts";
import type { Db } from "@/server/db.ts";
import { createDocument } from "@/server/documents/create-document.ts";
import { getDossierOrThrow, getPublishedDossierOrThrow, type DossierView, type LinkView } from "@/server/dossiers/get-dossier-or-throw.ts";
import type { Actor } from "@/server/policies/actor.ts";
import { createTestDatabase, type TestDatabase } from "../test-database.ts";
import { createMember } from "../test-actors.ts";

const texts = {
  report: importPlainText("Border report\n\nThe government deployed 10,000 troops to the border in March.\n\nCrossings fell by a third."),
  post: importPlainText("A post quoting the report: troops were sent to the border."),
  statsV1: importPlainText("Statistics\n\nArrests rose to 4,200 in April.\n\nSeizures doubled."),
  statsV2: importPlainText("Statistics, revised\n\nArrests rose to 4,100 in April.\n\nSeizures rose by half."),
  briefing: importPlainText(
    "Briefing\n\nThe government sent 10,000 troops to the border. Crossings fell by a third. Arrests rose to 4,200. \"We are winning,\" the minister said. Seizures doubled.",
  ),
};

/** A dossier with everything the reader's view draws on; `expected` is the view a member must get. */
async function buildDossier(db: Db) {
  const workspace = await db.workspace.create({ data: { name: "Newsroom", slug: "newsroom" } });
  const dossier = await db.dossier.create({ data: { workspaceId: workspace.id, title: "Border troops", slug: "border-troops" } });
  const made = await db.$transaction(async (tx) => {
    const briefing = await createDocument(tx, { dossierId: dossier.id, kind: "briefing", title: "Morning briefing", text: texts.briefing });
    const report = await createDocument(tx, {
      dossierId: dossier.id,
      kind: "source",
      title: "Border report",
      text: texts.report,
      author: "Ministry of the Interior",
      originUrl: "https://example.test/report",
    });
    const post = await createDocument(tx, {
      dossierId: dossier.id,
      kind: "source",
      title: "Post",
      text: texts.post,
      provenance: "Pasted into a forum thread",
      embeddedInId: report.document.id,
    });
    const stats = await createDocument(tx, { dossierId: dossier.id, kind: "source", title: "Statistics", text: texts.statsV1 });
    const statsV2 = await tx.documentVersion.create({
      data: { documentId: stats.document.id, number: 2, text: texts.statsV2.text, blocks: texts.statsV2.blocks as object[], contentHash: texts.statsV2.hash },
    });
    // Shown in position order, not in the order they were added.
    await tx.document.update({ where: { id: report.document.id }, data: { position: 2 } });
    await tx.document.update({ where: { id: stats.document.id }, data: { position: 0 } });
    await tx.document.update({ where: { id: post.document.id }, data: { position: 1 } });
    // A document whose first version is not stored yet is left out.
    await tx.document.create({ data: { dossierId: dossier.id, kind: "source", title: "Not yet stored", format: "text", position: 3 } });
    return { briefing, report, post, stats, statsV2 };
  });

  const at = (text: TextDocument, fragment: string) => {
    const start = text.text.indexOf(fragment);
    if (start < 0) throw new Error(`no ${fragment}`);
    return { start, end: start + fragment.length };
  };
  const claimBase = { dossierId: dossier.id, documentId: made.briefing.document.id, versionId: made.briefing.version.id };
  const claimRow = async (order: number, text: string, extra: Record<string, unknown> = {}) =>
    db.claim.create({ data: { ...claimBase, ...at(texts.briefing, text), text, kind: "statement", order, ...extra } });
  // Added out of order: the view follows `order`.
  const arrests = await claimRow(2, "Arrests rose to 4,200.", { kind: "number", section: "Statistics", support: 0.42, suggestedVerdict: "partial", revision: 3 });
  const troops = await claimRow(0, "The government sent 10,000 troops to the border.", { topic: "Troops", support: 0.91, suggestedVerdict: "supported", reviewState: "verified" });
  const minister = await claimRow(3, "\"We are winning,\" the minister said.", { kind: "quote", quote: "We are winning", speaker: "the minister", reviewState: "not_in_sources" });
  const crossings = await claimRow(1, "Crossings fell by a third.", { suggestedVerdict: "unsupported", support: 0 });
  const retired = await claimRow(4, "Seizures doubled.", { retiredAt: new Date("2026-01-02T00:00:00Z") });
  const seizures = await claimRow(5, "Seizures doubled.", { reviewState: "in_review" });

  const linkRow = async (claimId: string, versionId: string, source: TextDocument, exact: string, extra: Record<string, unknown>) =>
    db.link.create({ data: { claimId, versionId, ...at(source, exact), exact, prefix: "", suffix: "", origin: "suggested", state: "suggested", ...extra } });
  const t0 = Date.parse("2026-01-01T00:00:00Z");
  const minutes = (n: number) => new Date(t0 + n * 60_000);
  const checks = { quotes: [], mismatches: [{ kind: "number", claim: "4,200", source: "4,100" }] };
  // Troops: a manual accepted link, two suggestions (ranked), a rejected one (left out).
  const troopsSecond = await linkRow(troops.id, made.report.version.id, texts.report, "10,000 troops", { score: 0.61, rank: 1, checks: { quotes: [], mismatches: [] }, createdAt: minutes(1) });
  await linkRow(troops.id, made.post.version.id, texts.post, "troops were sent", { score: 0.7, rank: 0, state: "rejected", createdAt: minutes(2) });
  const troopsFirst = await linkRow(troops.id, made.post.version.id, texts.post, "troops were sent to the border", { score: 0.83, rank: 0, createdAt: minutes(3) });
  const troopsManual = await linkRow(troops.id, made.report.version.id, texts.report, "deployed 10,000 troops to the border", {
    origin: "manual",
    state: "accepted",
    verdict: "supports",
    createdAt: minutes(4),
    revision: 2,
  });
  // Arrests: accepted on the statistics' older version (its anchor lost there) and a changed anchor on the newer one.
  const arrestsOrphan = await linkRow(arrests.id, made.stats.version.id, texts.statsV1, "Arrests rose to 4,200", {
    state: "accepted",
    verdict: "supports",
    anchorStatus: "orphaned",
    score: 0.95,
    rank: 0,
    checks,
    createdAt: minutes(5),
  });
  const arrestsChanged = await linkRow(arrests.id, made.statsV2.id, texts.statsV2, "Arrests rose to 4,100", {
    state: "accepted",
    verdict: "partial",
    anchorStatus: "changed",
    previousExact: "Arrests rose to 4,200",
    origin: "manual",
    createdAt: minutes(6),
  });
  const arrestsLater = await linkRow(arrests.id, made.statsV2.id, texts.statsV2, "in April", { state: "accepted", verdict: "partial", origin: "manual", createdAt: minutes(7) });
  // Crossings: a contradicting link and a suggestion; the minister: a suggestion only.
  const crossingsContra = await linkRow(crossings.id, made.report.version.id, texts.report, "Crossings fell by a third", { state: "accepted", verdict: "contradicts", origin: "manual", createdAt: minutes(8) });
  const crossingsSuggested = await linkRow(crossings.id, made.report.version.id, texts.report, "Crossings", { score: 0.3, rank: 2, createdAt: minutes(9) });
  const ministerSuggested = await linkRow(minister.id, made.report.version.id, texts.report, "Border report", { score: 0.2, rank: 0, createdAt: minutes(10) });
  // A retired claim's links are left out with it.
  await linkRow(retired.id, made.stats.version.id, texts.statsV1, "Seizures doubled", { state: "accepted", verdict: "supports", createdAt: minutes(11) });
  // Seizures: only a suggestion on the older version whose anchor changed.
  const seizuresOld = await linkRow(seizures.id, made.stats.version.id, texts.statsV1, "Seizures doubled", { anchorStatus: "changed", previousExact: "Seizures doubled.", score: 0.5, rank: 0, createdAt: minutes(12) });

  // Another dossier's claims and links stay out.
  const other = await db.dossier.create({ data: { workspaceId: workspace.id, title: "Other", slug: "other" } });
  const otherBriefing = await db.$transaction((tx) => createDocument(tx, { dossierId: other.id, kind: "briefing", title: "Other briefing", text: texts.briefing }));
  const otherClaim = await db.claim.create({
    data: { dossierId: other.id, documentId: otherBriefing.document.id, versionId: otherBriefing.version.id, ...at(texts.briefing, "Seizures doubled."), text: "Seizures doubled.", kind: "statement", order: 0 },
  });
  await linkRow(otherClaim.id, made.report.version.id, texts.report, "Border report", { createdAt: minutes(13) });

  const doc = (d: { id: string; title: string }, version: { id: string; number: number }, text: TextDocument, kind: "source" | "briefing", extra: Partial<DossierView["sources"][number]> = {}) => ({
    id: d.id,
    kind,
    title: d.title,
    author: null,
    originUrl: null,
    provenance: null,
    embeddedInTitle: null,
    versionId: version.id,
    versionNumber: version.number,
    text: text.text,
    blocks: text.blocks,
    ...extra,
  });
  const claim = (c: typeof troops, state: ClaimState) => ({
    id: c.id,
    documentId: c.documentId,
    start: c.start,
    end: c.end,
    text: c.text,
    section: c.section,
    topic: c.topic,
    kind: c.kind,
    quote: c.quote,
    speaker: c.speaker,
    support: c.support,
    suggestedVerdict: c.suggestedVerdict,
    reviewState: c.reviewState,
    state,
    revision: c.revision,
  });
  const link = (l: typeof troopsFirst, documentId: string, onLatestVersion: boolean): LinkView => ({
    id: l.id,
    claimId: l.claimId,
    documentId,
    versionId: l.versionId,
    onLatestVersion,
    start: l.start,
    end: l.end,
    exact: l.exact,
    origin: l.origin,
    state: l.state,
    verdict: l.verdict,
    score: l.score,
    rank: l.rank,
    anchorStatus: l.anchorStatus,
    previousExact: l.previousExact,
    checks: l.checks,
    revision: l.revision,
  });
  const expected = {
    id: dossier.id,
    title: "Border troops",
    workspaceId: workspace.id,
    workspaceName: "Newsroom",
    isExample: false,
    publishedPath: null,
    briefings: [doc(made.briefing.document, made.briefing.version, texts.briefing, "briefing")],
    sources: [
      doc(made.stats.document, made.statsV2, texts.statsV2, "source"),
      doc(made.post.document, made.post.version, texts.post, "source", { provenance: "Pasted into a forum thread", embeddedInTitle: "Border report" }),
      doc(made.report.document, made.report.version, texts.report, "source", { author: "Ministry of the Interior", originUrl: "https://example.test/report" }),
    ],
    claims: [claim(troops, "backed"), claim(crossings, "contradicted"), claim(arrests, "partial"), claim(minister, "unbacked"), claim(seizures, "suggested")],
    links: [
      // By claim order; within a claim suggested before accepted, then by rank (none last), then by age.
      link(troopsFirst, made.post.document.id, true),
      link(troopsSecond, made.report.document.id, true),
      link(troopsManual, made.report.document.id, true),
      link(crossingsSuggested, made.report.document.id, true),
      link(crossingsContra, made.report.document.id, true),
      link(arrestsOrphan, made.stats.document.id, false),
      link(arrestsChanged, made.stats.document.id, true),
      link(arrestsLater, made.stats.document.id, true),
      link(ministerSuggested, made.report.document.id, true),
      link(seizuresOld, made.stats.document.id, false),
    ],
    coverage: { backed: 1, partial: 1, contradicted: 1, suggested: 1, unbacked: 1, unreviewed: 0, total: 5 },
  } satisfies DossierView;
  return { workspaceId: workspace.id, dossierId: dossier.id, expected };
}

describe("the dossier view (getDossierOrThrow, getPublishedDossierOrThrow)", () => {
  let t: TestDatabase;
  let built: Awaited<ReturnType<typeof buildDossier>>;
  let viewer: Actor;

  beforeAll(async () => {
    t = await createTestDatabase();
    built = await buildDossier(t.db);
    viewer = await createMember(t.db, built.workspaceId, "viewer");
  });
  afterAll(async () => t?.drop());

  it("shows a member the latest versions, the live claims with their states, their links in order, and the coverage", async () => {
    const view = await getDossierOrThrow(t.db, built.dossierId, viewer);
    expect(view).toStrictEqual(built.expected);
    // Numbers stay numbers, and the engine's checks come back as stored.
    expect(typeof view.claims[0].support).toBe("number");
    expect(view.links.find((l) => l.anchorStatus === "orphaned")!.checks).toStrictEqual({ quotes: [], mismatches: [{ kind: "number", claim: "4,200", source: "4,100" }] });
  });

  it("sends the fields in the order the API has always sent them", async () => {
    const view = await getDossierOrThrow(t.db, built.dossierId, viewer);
    expect(Object.keys(view)).toEqual(["id", "title", "workspaceId", "workspaceName", "isExample", "publishedPath", "briefings", "sources", "claims", "links", "coverage"]);
    expect(Object.keys(view.sources[0])).toEqual(["id", "kind", "title", "author", "originUrl", "provenance", "embeddedInTitle", "versionId", "versionNumber", "text", "blocks"]);
    expect(Object.keys(view.claims[0])).toEqual(["id", "documentId", "start", "end", "text", "section", "topic", "kind", "quote", "speaker", "support", "suggestedVerdict", "reviewState", "revision", "state"]);
    expect(Object.keys(view.links[0])).toEqual(["id", "versionId", "start", "end", "exact", "origin", "state", "verdict", "score", "rank", "anchorStatus", "previousExact", "checks", "revision", "claimId", "documentId", "onLatestVersion"]);
    expect(Object.keys(view.coverage)).toEqual(["backed", "partial", "contradicted", "suggested", "unbacked", "unreviewed", "total"]);
  });

  it("shows the same dossier, with its address, to anyone holding the published link", async () => {
    const token = "published-token-0123456789";
    await t.db.dossier.update({ where: { id: built.dossierId }, data: { publishToken: token } });
    try {
      const expected = { ...built.expected, publishedPath: `/p/${token}` };
      expect(await getPublishedDossierOrThrow(t.db, token)).toStrictEqual(expected);
      expect(await getDossierOrThrow(t.db, built.dossierId, viewer)).toStrictEqual(expected);
    } finally {
      await t.db.dossier.update({ where: { id: built.dossierId }, data: { publishToken: null } });
    }
  });

  it("answers not_found for an unknown dossier or token, and for someone outside the workspace", async () => {
    const outsider = await createMember(t.db, (await t.db.workspace.create({ data: { name: "Elsewhere", slug: "elsewhere" } })).id, "owner");
    await expect(getDossierOrThrow(t.db, built.dossierId, outsider)).rejects.toMatchObject({ code: "not_found" });
    await expect(getDossierOrThrow(t.db, "00000000-0000-4000-8000-000000000000", viewer)).rejects.toMatchObject({ code: "not_found" });
    await expect(getPublishedDossierOrThrow(t.db, "no-such-token-0123456789")).rejects.toMatchObject({ code: "not_found" });
  });
});
