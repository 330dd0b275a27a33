"use client";
// Turns two-reviewer mode on or off for a dossier (owners); others see which mode it is in.
import { useEffect, useState } from "react";
import { sendJson } from "../reader/send-json.ts";
import { useDeskAction } from "./use-desk-action.ts";

export function ReviewModeToggle({ dossierId, enabled, mayChange }: { dossierId: string; enabled: boolean; mayChange: boolean }) {
  const { run, busy, error } = useDeskAction();
  // Shown at once, and put back if the server refuses.
  const [shown, setShown] = useState(enabled);
  useEffect(() => setShown(enabled), [enabled]);
  return (
    <div className="text-sm">
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={shown}
          disabled={!mayChange || busy}
          onChange={async (e) => {
            const next = e.target.checked;
            setShown(next);
            if ((await run(() => sendJson("POST", `/api/v1/dossiers/${dossierId}/two-reviewer-mode`, { enabled: next }))) === null) setShown(enabled);
          }}
          className="size-4 accent-[var(--accent)]"
          data-two-reviewer-mode
        />
        <span className="font-medium">Two-reviewer mode</span>
      </label>
      <p className="ml-6 text-xs text-muted">
        {shown
          ? "A claim is settled only when two reviewers agree, each without seeing the other’s verdict; when they differ, the owner decides."
          : "One reviewer’s verdict settles a claim."}
        {mayChange ? "" : " Only the owner changes this."}
      </p>
      {error ? <p role="alert" className="ml-6 text-[var(--contradicted)]">{error}</p> : null}
    </div>
  );
}
