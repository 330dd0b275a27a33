"use client";
// The members of a workspace: owners change roles and remove members; everyone sees who is in.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError } from "@/components/form-error.tsx";
import { sendJson } from "@/components/reader/send-json.ts";
import type { Role } from "@/server/generated/prisma/client.ts";
import type { MemberView } from "@/server/workspaces/present-member.ts";
import { ROLE_HINT, ROLES } from "./role-label.ts";

interface Props {
  workspaceId: string;
  members: MemberView[];
  /** The signed-in user, marked "you". */
  youId: string;
  mayManage: boolean;
}

/** A table of members, with a role picker and a remove button for owners. */
export function MemberList({ workspaceId, members, youId, mayManage }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function act(member: MemberView, method: "PATCH" | "DELETE", body?: { role: Role }) {
    setBusy(member.userId);
    setError(null);
    setStatus(null);
    const result = await sendJson(method, `/api/v1/workspaces/${workspaceId}/members/${member.userId}`, body);
    setBusy(null);
    if (!result.ok) return setError(result.error.message);
    setStatus(method === "DELETE" ? `${member.name} was removed.` : `${member.name} is now ${body?.role}.`);
    router.refresh();
  }

  return (
    <div>
      <ul className="divide-y divide-rule rounded-lg border border-rule bg-panel" aria-label="Members">
        {members.map((m) => (
          <li key={m.userId} className="flex flex-wrap items-center gap-3 px-4 py-3" data-member={m.email}>
            <div className="min-w-0 flex-1">
              <p className="font-medium">
                {m.name}
                {m.userId === youId ? <span className="ml-2 text-sm font-normal text-muted">(you)</span> : null}
              </p>
              <p className="truncate text-sm text-muted">{m.email}</p>
            </div>
            {mayManage ? (
              <>
                <label className="sr-only" htmlFor={`role-${m.userId}`}>
                  Role of {m.name}
                </label>
                <select
                  id={`role-${m.userId}`}
                  value={m.role}
                  disabled={busy === m.userId}
                  onChange={(e) => void act(m, "PATCH", { role: e.currentTarget.value as Role })}
                  className="rounded-md border border-rule bg-panel px-2 py-1 text-sm"
                  title={ROLE_HINT[m.role]}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  disabled={busy === m.userId}
                  onClick={() => {
                    if (window.confirm(`Remove ${m.name} from this workspace? Their access ends at once.`)) void act(m, "DELETE");
                  }}
                  className="rounded-md border border-rule px-2 py-1 text-sm hover:border-[var(--contradicted)] hover:text-[var(--contradicted)]"
                  aria-label={`Remove ${m.name}`}
                >
                  Remove
                </button>
              </>
            ) : (
              <span className="rounded-full border border-rule px-2 py-0.5 text-sm text-muted">{m.role}</span>
            )}
          </li>
        ))}
      </ul>
      <div className="mt-2 space-y-2">
        <FormError message={error} />
        <p role="status" className="min-h-[1.25rem] text-sm text-muted">
          {status}
        </p>
      </div>
    </div>
  );
}
