"use client";
// Owners invite by link: choose a role and how long the link works, copy it once, withdraw it.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormError } from "@/components/form-error.tsx";
import { sendJson } from "@/components/reader/send-json.ts";
import type { InvitationView } from "@/server/workspaces/present-invitation.ts";
// Not from the schemas' module: zod's probe for eval would be a CSP violation in the browser.
import { INVITATION_DAYS } from "@/server/workspaces/invitation-days.ts";
import { ROLE_HINT, ROLES } from "./role-label.ts";

interface Props {
  workspaceId: string;
  invitations: InvitationView[];
}

const field = "rounded-md border border-rule bg-panel px-2 py-1.5 text-sm";

/** The form that makes a link, the link just made, and the pending invitations. */
export function InvitationPanel({ workspaceId, invitations }: Props) {
  const router = useRouter();
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    setStatus(null);
    const result = await sendJson<{ path: string }>("POST", `/api/v1/workspaces/${workspaceId}/invitations`, {
      role: form.get("role"),
      expiresInDays: Number(form.get("expiresInDays")),
    });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setLink(new URL(result.data.path, window.location.origin).toString());
    setStatus("Invitation link created. Copy it now: it is shown only once.");
    router.refresh();
  }

  async function revoke(invitation: InvitationView) {
    setError(null);
    const result = await sendJson("DELETE", `/api/v1/workspaces/${workspaceId}/invitations/${invitation.id}`);
    if (!result.ok) return setError(result.error.message);
    setStatus(`The ${invitation.role} invitation was withdrawn; its link no longer works.`);
    router.refresh();
  }

  return (
    <div className="space-y-4">
      <form onSubmit={create} className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="invite-role" className="mb-1 block text-sm font-medium">
            Role
          </label>
          <select id="invite-role" name="role" defaultValue="reviewer" className={field}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r} — {ROLE_HINT[r]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="invite-days" className="mb-1 block text-sm font-medium">
            Link works for (days)
          </label>
          <input
            id="invite-days"
            name="expiresInDays"
            type="number"
            required
            min={INVITATION_DAYS.min}
            max={INVITATION_DAYS.max}
            defaultValue={INVITATION_DAYS.default}
            className={`${field} w-24`}
          />
        </div>
        <button type="submit" disabled={busy} className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60 dark:text-black">
          Create invitation link
        </button>
      </form>
      {link ? (
        <div className="rounded-lg border border-accent bg-accent-soft p-3">
          <label htmlFor="invite-link" className="mb-1 block text-sm font-medium">
            Invitation link
          </label>
          <div className="flex gap-2">
            <input id="invite-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} className={`${field} w-full font-mono text-xs`} />
            <button
              type="button"
              className="rounded-md border border-rule bg-panel px-2 py-1 text-sm"
              onClick={() =>
                void navigator.clipboard?.writeText(link).then(
                  () => setStatus("Copied."),
                  () => setStatus("Copying was not allowed; select the link and copy it by hand."),
                )
              }
            >
              Copy link
            </button>
          </div>
        </div>
      ) : null}
      <FormError message={error} />
      <p role="status" className="min-h-[1.25rem] text-sm text-muted">
        {status}
      </p>
      <h3 className="text-sm font-semibold">Pending invitations</h3>
      {invitations.length === 0 ? (
        <p className="text-sm text-muted">None.</p>
      ) : (
        <ul className="divide-y divide-rule rounded-lg border border-rule bg-panel" aria-label="Pending invitations">
          {invitations.map((i) => (
            <li key={i.id} className="flex items-center gap-3 px-4 py-2 text-sm">
              <span className="font-medium">{i.role}</span>
              <span className="flex-1 text-muted">
                expires {formatDate(i.expiresAt)}
                {i.invitedByName ? ` · by ${i.invitedByName}` : ""}
              </span>
              <button type="button" onClick={() => void revoke(i)} className="rounded-md border border-rule px-2 py-1 hover:bg-accent-soft" aria-label={`Withdraw the ${i.role} invitation expiring ${formatDate(i.expiresAt)}`}>
                Withdraw
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function formatDate(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}
