"use client";
// Who reviews which claim: every claim of the briefing with its review state and assignee, and
// (for editors and owners) a picker to assign it.
import { useState } from "react";
import type { DeskClaim, DeskMember } from "@/server/reviews/get-review-desk.ts";
import { sendJson } from "../reader/send-json.ts";
import { reviewStateLabel } from "./review-words.ts";
import { useDeskAction } from "./use-desk-action.ts";

interface Props {
  dossierId: string;
  claims: readonly DeskClaim[];
  members: readonly DeskMember[];
  mayAssign: boolean;
  twoReviewerMode: boolean;
}

export function AssignmentTable({ dossierId, claims, members, mayAssign, twoReviewerMode }: Props) {
  const { run, busy, error } = useDeskAction();
  const [open, setOpen] = useState(true);
  const [onlyOpen, setOnlyOpen] = useState(false);
  const shown = onlyOpen ? claims.filter((c) => c.reviewState === "unreviewed" || c.reviewState === "in_review") : claims;
  const assignable = members.filter((m) => m.role !== "viewer");
  return (
    <div className="text-sm">
      <div className="mb-2 flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-1.5">
          <input type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} className="accent-[var(--accent)]" />
          Only claims not settled yet
        </label>
        <button type="button" onClick={() => setOpen((o) => !o)} aria-expanded={open} className="text-accent underline">
          {open ? "Hide the list" : `Show all ${shown.length}`}
        </button>
        {error ? (
          <p role="alert" className="text-[var(--contradicted)]">
            {error}
          </p>
        ) : null}
      </div>
      {open ? (
        <table className="w-full border-collapse">
          <caption className="sr-only">Claims, their review state and who reviews them</caption>
          <thead>
            <tr className="border-b border-rule text-left text-xs text-muted">
              <th scope="col" className="w-10 py-1 pr-2 text-right font-medium">#</th>
              <th scope="col" className="py-1 pr-2 font-medium">Claim</th>
              <th scope="col" className="w-32 py-1 pr-2 font-medium">State</th>
              <th scope="col" className="w-40 py-1 font-medium">Assigned to</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <tr key={c.id} className="border-b border-rule align-baseline" data-desk-claim={c.id}>
                <td className="py-1.5 pr-2 text-right text-xs tabular-nums text-muted">{c.order + 1}</td>
                <td className="py-1.5 pr-2">
                  <a href={`/dossiers/${dossierId}?claim=${c.id}`} className="line-clamp-2 hover:underline">
                    {c.text}
                  </a>
                </td>
                <td className="py-1.5 pr-2 text-xs">
                  {reviewStateLabel(c.reviewState)}
                  {twoReviewerMode && c.reviews > 0 ? <span className="text-muted"> · {c.reviews}/2 verdicts</span> : null}
                </td>
                <td className="py-1.5">
                  {mayAssign ? (
                    <select
                      aria-label={`Assign claim ${c.order + 1}`}
                      value={c.assignee?.id ?? ""}
                      disabled={busy}
                      onChange={(e) => run(() => sendJson("POST", `/api/v1/dossiers/${dossierId}/claims/${c.id}/assignment`, { assigneeId: e.target.value || null, revision: c.revision }))}
                      className="w-full rounded border border-rule bg-bg px-1 py-0.5"
                    >
                      <option value="">nobody</option>
                      {assignable.map((m) => (
                        <option key={m.id} value={m.id}>
                          {m.name}
                        </option>
                      ))}
                      {c.assignee && !assignable.some((m) => m.id === c.assignee!.id) ? <option value={c.assignee.id}>{c.assignee.name}</option> : null}
                    </select>
                  ) : (
                    <span className="text-muted">{c.assignee?.name ?? "nobody"}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
