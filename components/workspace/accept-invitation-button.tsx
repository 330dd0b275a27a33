"use client";
// Accepting an invitation: join, then go to the dossiers.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError } from "@/components/form-error.tsx";
import { sendJson } from "@/components/reader/send-json.ts";

/** Posts the acceptance; on success, opens the home page with the workspace's dossiers. */
export function AcceptInvitationButton({ token, workspaceName }: { token: string; workspaceName: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function accept() {
    setBusy(true);
    setError(null);
    const result = await sendJson("POST", `/api/v1/invitations/${encodeURIComponent(token)}/acceptance`);
    if (!result.ok) {
      setBusy(false);
      return setError(result.error.message);
    }
    router.push("/");
    router.refresh();
  }

  return (
    <div className="space-y-3">
      <button type="button" disabled={busy} onClick={() => void accept()} className="rounded-md bg-accent px-4 py-2 font-medium text-white disabled:opacity-60 dark:text-black">
        {busy ? "Joining…" : `Join ${workspaceName}`}
      </button>
      <FormError message={error} />
    </div>
  );
}
