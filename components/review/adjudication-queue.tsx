"use client";
// The owner's decisions: each claim its reviewers disagreed on, their verdicts and notes, and a
// form to settle it with a recorded reason.
import { useState } from "react";
import type { AdjudicationItem } from "@/server/reviews/list-adjudication-queue.ts";
import { sendJson } from "../reader/send-json.ts";
import { REVIEW_STATE_LABEL, VERDICTS } from "./review-words.ts";
import { useDeskAction } from "./use-desk-action.ts";

export function AdjudicationQueue({ dossierId, items }: { dossierId: string; items: readonly AdjudicationItem[] }) {
  if (items.length === 0) return <p className="text-sm text-muted">No disagreement waits for your decision.</p>;
  return (
    <ol className="space-y-3">
      {items.map((item) => (
        <AdjudicationCard key={item.claimId} dossierId={dossierId} item={item} />
      ))}
    </ol>
  );
}

function AdjudicationCard({ dossierId, item }: { dossierId: string; item: AdjudicationItem }) {
  const { run, busy, error } = useDeskAction();
  const [outcome, setOutcome] = useState<(typeof VERDICTS)[number] | null>(null);
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const name = `outcome-${item.claimId}`;
  return (
    <li className="rounded-lg border border-rule bg-panel p-3 text-sm" data-adjudication={item.claimId}>
      <p className="font-reading text-[0.95rem] leading-snug">
        <a href={`/dossiers/${dossierId}?claim=${item.claimId}`} className="hover:underline">
          {item.text}
        </a>
      </p>
      <ul className="mt-2 space-y-0.5">
        {item.reviews.map((r) => (
          <li key={r.id}>
            {r.reviewer.name}: <strong>{REVIEW_STATE_LABEL[r.verdict as keyof typeof REVIEW_STATE_LABEL]}</strong>
            {r.note ? <span className="text-muted"> — {r.note}</span> : null}
          </li>
        ))}
      </ul>
      <form
        className="mt-3 space-y-2"
        onSubmit={async (event) => {
          event.preventDefault();
          if (!outcome) return setProblem("Choose the outcome.");
          if (!reason.trim()) return setProblem("Give a reason for the decision.");
          setProblem(null);
          await run(() => sendJson("POST", `/api/v1/dossiers/${dossierId}/claims/${item.claimId}/adjudication`, { outcome, reason, revision: item.revision }));
        }}
      >
        <fieldset className="flex flex-wrap items-center gap-3">
          <legend className="sr-only">Outcome</legend>
          <span className="text-muted">Decide:</span>
          {VERDICTS.map((v) => (
            <label key={v} className="flex items-center gap-1">
              <input type="radio" name={name} value={v} checked={outcome === v} onChange={() => setOutcome(v)} className="accent-[var(--accent)]" />
              {REVIEW_STATE_LABEL[v]}
            </label>
          ))}
        </fieldset>
        <label className="block">
          <span className="text-muted">Reason (kept in the claim’s history)</span>
          <textarea
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={2}
            maxLength={4000}
            className="mt-1 block w-full rounded border border-rule bg-bg px-2 py-1"
          />
        </label>
        <div className="flex items-center gap-3">
          <button type="submit" disabled={busy} className="rounded bg-accent px-3 py-1 font-medium text-[var(--panel)] disabled:opacity-60">
            Record the decision
          </button>
          {problem || error ? (
            <p role="alert" className="text-[var(--contradicted)]">
              {problem ?? error}
            </p>
          ) : null}
        </div>
      </form>
    </li>
  );
}
