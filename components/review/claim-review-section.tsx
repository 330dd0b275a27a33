"use client";
// The active claim's review in the reader: its state and how to change it (or, in two-reviewer
// mode, the caller's own blind verdict), who it is assigned to, and its history.
import { useCallback, useEffect, useState } from "react";
import { REVIEW_TRANSITIONS, type ReviewState } from "@/core/review/review-transitions.ts";
import type { ClaimReview } from "@/server/reviews/get-claim-review.ts";
import { sendJson, type ApiResult } from "../reader/send-json.ts";
import { ActivityList } from "./activity-list.tsx";
import { REVIEW_STATE_LABEL, VERDICTS } from "./review-words.ts";

interface Props {
  dossierId: string;
  claim: { id: string; reviewState: string; revision: number };
  /** Tells the reader the claim's new state and revision after a change made here. */
  onChange: (claimId: string, patch: { reviewState: string; revision: number }) => void;
}

/** How a manual change to each state is offered, from the claim's current state. */
const MOVE_LABEL: Record<ReviewState, (from: ReviewState) => string> = {
  unreviewed: () => "Back to not reviewed",
  in_review: (from) => (from === "unreviewed" ? "Start review" : "Reopen"),
  verified: () => "Verified",
  disputed: () => "Disputed",
  not_in_sources: () => "Not in sources",
};

const button = "rounded border border-rule px-2 py-0.5 text-sm hover:border-accent hover:bg-accent-soft disabled:opacity-50";

/** Loads the claim's review when the claim (or its revision) changes, and offers what the caller's role allows. */
export function ClaimReviewSection({ dossierId, claim, onChange }: Props) {
  const [data, setData] = useState<ClaimReview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState("");
  const [tick, setTick] = useState(0);
  const base = `/api/v1/dossiers/${dossierId}/claims/${claim.id}`;

  useEffect(() => {
    let live = true;
    // A moment's wait, so moving quickly through claims asks the server only about the one kept.
    const timer = setTimeout(async () => {
      const result = await sendJson<ClaimReview>("GET", `${base}/review`);
      if (!live) return;
      if (result.ok) {
        setData(result.data);
        setError(null);
      } else setError(result.error.message);
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [base, claim.reviewState, claim.revision, tick]);

  useEffect(() => setNote(""), [claim.id]);

  const run = useCallback(
    async (call: () => Promise<ApiResult<{ reviewState?: string; revision: number }>>, fallbackState: string) => {
      setBusy(true);
      const result = await call();
      setBusy(false);
      if (result.ok) {
        setError(null);
        onChange(claim.id, { reviewState: result.data.reviewState ?? fallbackState, revision: result.data.revision });
      } else setError(result.error.message);
      setTick((t) => t + 1);
    },
    [claim.id, onChange],
  );

  const current = data && data.claimId === claim.id ? data : null;
  if (!current) {
    return (
      <section aria-label="Review" className="border-t border-rule px-4 py-3 text-sm text-muted" data-review-section>
        {error ?? "Loading the review…"}
      </section>
    );
  }
  const { reviews, viewer, twoReviewerMode, reviewState } = current;
  const names = new Map(current.members.map((m) => [m.id, m.name]));
  const open = reviewState === "unreviewed" || reviewState === "in_review";
  const setState = (next: ReviewState) =>
    run(() => sendJson("POST", `/api/v1/claims/${claim.id}/review`, { reviewState: next, revision: current.revision }), next);
  // While reviewers disagree the owner decides; nobody reopens the claim from under that decision here.
  const moves = current.awaitingAdjudication ? [] : REVIEW_TRANSITIONS[reviewState].filter((s) => !twoReviewerMode || s === "in_review" || s === "unreviewed");
  const assignable = current.members.filter((m) => m.role !== "viewer" || m.id === current.assignee?.id);

  return (
    <section aria-labelledby="claim-review-heading" className="max-h-[50%] min-h-0 shrink-0 overflow-y-auto border-t border-rule px-4 py-3 text-sm" data-review-section data-review-state={reviewState}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
        <h2 id="claim-review-heading" className="text-xs font-semibold uppercase tracking-wider text-muted">
          Review
        </h2>
        <span className="rounded bg-accent-soft px-1.5 py-0.5 font-medium" data-claim-review-state>
          {REVIEW_STATE_LABEL[reviewState]}
        </span>
        {viewer.may.assign ? (
          <label className="flex items-center gap-1.5 text-muted">
            Assigned to
            <select
              value={current.assignee?.id ?? ""}
              disabled={busy}
              onChange={(e) => {
                const assigneeId = e.target.value || null;
                void run(() => sendJson("POST", `${base}/assignment`, { assigneeId, revision: current.revision }), reviewState);
              }}
              className="rounded border border-rule bg-bg px-1 py-0.5 text-ink"
            >
              <option value="">nobody</option>
              {assignable.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="text-muted">{current.assignee ? `Assigned to ${current.assignee.name}` : "Not assigned"}</span>
        )}
      </div>

      {twoReviewerMode ? (
        <div className="mt-2 space-y-1.5">
          <p className="text-xs text-muted">Two-reviewer mode: two independent verdicts settle the claim; the owner decides when they differ.</p>
          {reviews.mine ? (
            <p>
              Your verdict: <strong>{REVIEW_STATE_LABEL[reviews.mine.verdict as ReviewState]}</strong>
              {reviews.mine.note ? <span className="text-muted"> — {reviews.mine.note}</span> : null}
            </p>
          ) : null}
          {open && viewer.may.review ? (
            <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Your verdict">
              <span className="text-muted">{reviews.mine ? "Change it:" : "Your verdict:"}</span>
              {VERDICTS.map((v) => (
                <button
                  key={v}
                  type="button"
                  disabled={busy || reviews.mine?.verdict === v}
                  className={button}
                  onClick={() => run(() => sendJson("POST", `${base}/reviews`, { verdict: v, note: note.trim() || undefined }), reviewState)}
                >
                  {REVIEW_STATE_LABEL[v]}
                </button>
              ))}
              <input
                value={note}
                onChange={(e) => setNote(e.target.value)}
                placeholder="Why (optional)"
                aria-label="Why (optional)"
                maxLength={4000}
                className="min-w-0 flex-1 rounded border border-rule bg-bg px-1.5 py-0.5"
              />
            </div>
          ) : null}
          {reviews.hidden ? (
            reviews.othersSubmitted > 0 ? (
              <p className="text-muted">
                {reviews.othersSubmitted} other reviewer{reviews.othersSubmitted === 1 ? " has" : "s have"} given a verdict; you see it after giving yours.
              </p>
            ) : null
          ) : (
            reviews.others.map((r) => (
              <p key={r.id} data-other-review>
                {r.reviewer.name}: <strong>{REVIEW_STATE_LABEL[r.verdict as ReviewState]}</strong>
                {r.note ? <span className="text-muted"> — {r.note}</span> : null}
              </p>
            ))
          )}
          {current.awaitingAdjudication ? (
            <p className="rounded bg-accent-soft px-2 py-1">
              The reviewers disagree: the owner decides, with a reason, on the{" "}
              <a href={`/dossiers/${dossierId}/review#adjudication`} className="text-accent underline">
                review desk
              </a>
              .
            </p>
          ) : null}
        </div>
      ) : null}

      {viewer.may.review && moves.length > 0 ? (
        <div className="mt-2 flex flex-wrap items-center gap-1.5" role="group" aria-label="Change the review state">
          {!twoReviewerMode ? <span className="text-muted">Mark:</span> : null}
          {moves.map((next) => (
            <button key={next} type="button" disabled={busy} className={button} onClick={() => setState(next)}>
              {MOVE_LABEL[next](reviewState)}
            </button>
          ))}
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="mt-2 text-[var(--contradicted)]">
          {error}
        </p>
      ) : null}

      <details className="mt-3" open>
        <summary className="cursor-pointer text-xs font-semibold uppercase tracking-wider text-muted">History ({current.history.length})</summary>
        <div className="mt-2" data-claim-history>
          <ActivityList entries={[...current.history].reverse()} names={names} />
        </div>
      </details>
    </section>
  );
}
