"use client";
// Personal access tokens: make one (its secret shown once, with a copy button), see them, revoke them.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { WorkspaceOption } from "@/server/dossiers/list-workspaces.ts";
import type { ApiTokenSummary } from "@/server/tokens/list-api-tokens.ts";
import { FormError } from "./form-error.tsx";
import { sendJson } from "./reader/send-json.ts";

const ROLES = ["viewer", "reviewer", "editor", "owner"] as const;
const field = "w-full rounded-md border border-rule bg-bg px-3 py-2";

/** The tokens page's body. */
export function ApiTokens({ tokens, workspaces }: { tokens: ApiTokenSummary[]; workspaces: WorkspaceOption[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState<{ name: string; token: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [workspaceId, setWorkspaceId] = useState(workspaces[0]?.id ?? "");
  const [busy, setBusy] = useState(false);
  const maxRole = workspaces.find((w) => w.id === workspaceId)?.role ?? "viewer";
  const roles = ROLES.slice(0, ROLES.indexOf(maxRole) + 1);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const days = String(form.get("expiresInDays") ?? "");
    const result = await sendJson<{ name: string; token: string }>("POST", "/api/v1/tokens", {
      name: form.get("name"),
      workspaceId,
      role: form.get("role"),
      expiresInDays: days ? Number(days) : undefined,
    });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setMade({ name: result.data.name, token: result.data.token });
    setCopied(false);
    (event.target as HTMLFormElement).reset();
    router.refresh();
  }

  async function revoke(id: string) {
    const result = await sendJson("DELETE", `/api/v1/tokens/${id}`);
    if (!result.ok) return setError(result.error.message);
    router.refresh();
  }

  return (
    <div className="space-y-8">
      {made ? (
        <div role="status" className="rounded-lg border border-accent bg-accent-soft p-4">
          <p className="mb-2 font-medium">Copy the token “{made.name}” now: it is not shown again.</p>
          <div className="flex gap-2">
            <code className="min-w-0 flex-1 overflow-x-auto rounded bg-panel px-2 py-1.5 text-sm" data-new-token>
              {made.token}
            </code>
            <button
              type="button"
              className="rounded-md border border-rule bg-panel px-3 py-1.5 text-sm"
              onClick={() => navigator.clipboard.writeText(made.token).then(() => setCopied(true))}
            >
              {copied ? "Copied" : "Copy"}
            </button>
          </div>
          <p className="mt-2 text-sm text-muted">
            Send it as <code>Authorization: Bearer …</code> to the API under <code>/api/v1</code>.
          </p>
        </div>
      ) : null}
      <form onSubmit={create} className="grid gap-3 rounded-lg border border-rule bg-panel p-5 sm:grid-cols-2" aria-labelledby="new-token">
        <h2 id="new-token" className="font-semibold sm:col-span-2">
          New token
        </h2>
        <label className="block text-sm sm:col-span-2">
          <span className="mb-1 block text-muted">Name</span>
          <input name="name" required maxLength={80} placeholder="What it is for, e.g. Newsroom CI" className={field} />
        </label>
        <label className="block text-sm">
          <span className="mb-1 block text-muted">Workspace</span>
          <select name="workspaceId" value={workspaceId} onChange={(e) => setWorkspaceId(e.target.value)} className={field}>
            {workspaces.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          <span className="mb-1 block text-muted">Role (at most yours)</span>
          <select name="role" defaultValue="viewer" className={field} key={maxRole}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          <span className="mb-1 block text-muted">Expires after (days, empty for never)</span>
          <input name="expiresInDays" type="number" min={1} max={365} defaultValue={90} className={field} />
        </label>
        <div className="flex items-end">
          <button type="submit" disabled={busy || !workspaceId} className="rounded-md bg-accent px-4 py-2 font-medium text-white disabled:opacity-50 dark:text-black">
            Make token
          </button>
        </div>
        <div className="sm:col-span-2">
          <FormError message={error} />
        </div>
      </form>
      <section aria-labelledby="your-tokens">
        <h2 id="your-tokens" className="mb-2 font-semibold">
          Your tokens
        </h2>
        {tokens.length === 0 ? (
          <p className="text-muted">None yet.</p>
        ) : (
          <ul className="divide-y divide-rule rounded-lg border border-rule bg-panel">
            {tokens.map((t) => (
              <li key={t.id} className="flex items-center gap-4 px-5 py-3" data-token-id={t.id}>
                <div className="min-w-0 flex-1">
                  <p className="font-medium">
                    {t.name} <code className="text-sm text-muted">{t.prefix}…</code>
                  </p>
                  <p className="text-sm text-muted">
                    {t.role} in {t.workspaceName} · {status(t)}
                  </p>
                </div>
                {t.revokedAt ? null : (
                  <button type="button" onClick={() => revoke(t.id)} className="rounded-md border border-rule px-3 py-1.5 text-sm hover:border-accent">
                    Revoke
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function status(t: ApiTokenSummary): string {
  const day = (iso: string) => iso.slice(0, 10);
  if (t.revokedAt) return `revoked ${day(t.revokedAt)}`;
  if (t.expiresAt && new Date(t.expiresAt) <= new Date()) return `expired ${day(t.expiresAt)}`;
  const used = t.lastUsedAt ? `last used ${day(t.lastUsedAt)}` : "never used";
  return t.expiresAt ? `${used} · expires ${day(t.expiresAt)}` : `${used} · never expires`;
}
