// The dossier's review desk: two-reviewer mode, assignments, agreement, the owner's decisions,
// the re-check queue and the activity feed.
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ActivityFeed } from "@/components/review/activity-feed.tsx";
import { AdjudicationQueue } from "@/components/review/adjudication-queue.tsx";
import { AgreementSummary } from "@/components/review/agreement-summary.tsx";
import { AssignmentTable } from "@/components/review/assignment-table.tsx";
import { RecheckQueue } from "@/components/review/recheck-queue.tsx";
import { ReviewModeToggle } from "@/components/review/review-mode-toggle.tsx";
import { getRequestActor } from "@/server/auth/get-request-actor.ts";
import { getDb } from "@/server/db.ts";
import { getDossierOrThrow } from "@/server/dossiers/get-dossier-or-throw.ts";
import { AppError } from "@/server/errors/app-error.ts";
import { getAgreement } from "@/server/reviews/get-agreement.ts";
import { getReviewDesk, type ReviewDesk } from "@/server/reviews/get-review-desk.ts";
import { listAdjudicationQueue } from "@/server/reviews/list-adjudication-queue.ts";
import { listDossierActivity } from "@/server/reviews/list-dossier-activity.ts";
import { listRecheckQueue } from "@/server/reviews/list-recheck-queue.ts";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ dossierId: string }>; searchParams: Promise<{ verdicts?: string }> };

async function loadDesk(dossierId: string): Promise<{ desk: ReviewDesk; actorId: string }> {
  const actor = await getRequestActor();
  if (actor.kind !== "user") redirect(`/sign-in?next=${encodeURIComponent(`/dossiers/${dossierId}/review`)}`);
  try {
    return { desk: await getReviewDesk(await getDb(), { dossierId, actorId: actor.userId }), actorId: actor.userId };
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden" || error.code === "invalid_input")) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { dossierId } = await params;
  return { title: `Review · ${(await loadDesk(dossierId)).desk.dossier.title}` };
}

function Section({ id, title, count, children }: { id: string; title: string; count?: number; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} id={id} className="scroll-mt-4">
      <h2 id={`${id}-heading`} className="mb-2 flex items-baseline gap-2 text-xs font-semibold uppercase tracking-wider text-muted">
        {title}
        {count === undefined ? null : <span className="rounded-full bg-accent-soft px-1.5 tabular-nums text-ink">{count}</span>}
      </h2>
      {children}
    </section>
  );
}

export default async function ReviewDeskPage({ params, searchParams }: Params) {
  const { dossierId } = await params;
  const { desk, actorId } = await loadDesk(dossierId);
  const db = await getDb();
  const { may } = desk.viewer;
  const asOwner = may.adjudicate && (await searchParams).verdicts === "shown";
  const [agreement, adjudication, recheck, activity] = await Promise.all([
    getAgreement(db, { dossierId, actorId }),
    may.adjudicate ? listAdjudicationQueue(db, { dossierId, actorId }) : Promise.resolve(null),
    listRecheckQueue(db, { dossierId, actorId }),
    listDossierActivity(db, { dossierId, actorId, page: { limit: 30 }, asOwner }),
  ]);
  // Re-linking looks the chosen passage up in the latest text of the sources in the queue.
  const sourceTexts: Record<string, string> = {};
  if (recheck.length > 0 && may.recheck) {
    const wanted = new Set(recheck.map((i) => i.document.id));
    const view = await getDossierOrThrow(db, dossierId, { kind: "user", userId: actorId, name: "", email: "" });
    for (const doc of [...view.sources, ...view.briefings]) if (wanted.has(doc.id)) sourceTexts[doc.id] = doc.text;
  }
  const names = Object.fromEntries(desk.members.map((m) => [m.id, m.name]));
  const claims = Object.fromEntries(desk.claims.map((c) => [c.id, { text: c.text, href: `/dossiers/${dossierId}?claim=${c.id}` }]));
  const settled = desk.claims.filter((c) => c.reviewState !== "unreviewed" && c.reviewState !== "in_review").length;

  return (
    <div className="mx-auto max-w-[1400px] px-5 py-6">
      <div className="mb-5 flex flex-wrap items-baseline gap-x-6 gap-y-2">
        <div className="min-w-0">
          <p className="text-xs text-muted">Review desk</p>
          <h1 className="text-xl font-semibold tracking-tight">{desk.dossier.title}</h1>
        </div>
        <p className="text-sm text-muted">
          {settled} of {desk.claims.length} claims settled · you are {desk.viewer.role === "owner" ? "the owner" : `a${desk.viewer.role === "editor" ? "n" : ""} ${desk.viewer.role}`}
        </p>
        <nav aria-label="Dossier" className="ml-auto flex gap-3 text-sm">
          <a href={`/dossiers/${dossierId}`} className="rounded border border-rule px-2.5 py-1 hover:border-accent hover:bg-accent-soft">
            Back to the reader
          </a>
          <a href="/queue" className="rounded border border-rule px-2.5 py-1 hover:border-accent hover:bg-accent-soft">
            My queue
          </a>
        </nav>
      </div>
      <div className="mb-6 rounded-lg border border-rule bg-panel px-4 py-3">
        <ReviewModeToggle dossierId={dossierId} enabled={desk.dossier.twoReviewerMode} mayChange={may.settings} />
      </div>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-8">
          {adjudication ? (
            <Section id="adjudication" title="Waiting for your decision" count={adjudication.length}>
              <AdjudicationQueue dossierId={dossierId} items={adjudication} />
            </Section>
          ) : null}
          <Section id="recheck" title="Re-check after source changes" count={recheck.length}>
            <RecheckQueue dossierId={dossierId} items={recheck} sourceTexts={sourceTexts} mayResolve={may.recheck} />
          </Section>
          <Section id="assignments" title="Claims and who reviews them" count={desk.claims.length}>
            <AssignmentTable dossierId={dossierId} claims={desk.claims} members={desk.members} mayAssign={may.assign} twoReviewerMode={desk.dossier.twoReviewerMode} />
          </Section>
        </div>
        <div className="min-w-0 space-y-8">
          <Section id="agreement" title="Agreement between reviewers">
            <AgreementSummary pairs={agreement} />
            <p className="mt-2 text-xs text-muted">
              Cohen’s κ: 1 is full agreement, 0 what chance alone would give, below 0 less than chance; counted over the claims both reviewed.
            </p>
          </Section>
          <Section id="activity" title="Activity">
            {may.adjudicate ? (
              <p className="mb-2 text-xs">
                <a href={asOwner ? "?" : "?verdicts=shown"} className="text-accent underline">
                  {asOwner ? "Hide reviewers’ verdicts" : "Show every reviewer’s verdict (as the owner)"}
                </a>
              </p>
            ) : null}
            <ActivityFeed key={`${activity.items[0]?.id ?? "none"}:${asOwner}`} dossierId={dossierId} first={activity} names={names} claims={claims} asOwner={asOwner} />
          </Section>
        </div>
      </div>
    </div>
  );
}
