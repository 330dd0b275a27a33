"use client";
// Leaving a workspace, after a confirmation.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError } from "@/components/form-error.tsx";
import { sendJson } from "@/components/reader/send-json.ts";

/** Leaves and returns home, or says why not (e.g. the only owner). */
export function LeaveWorkspaceButton({ workspaceId, workspaceName }: { workspaceId: string; workspaceName: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);

  async function leave() {
    if (!window.confirm(`Leave ${workspaceName}? You will no longer see its dossiers.`)) return;
    setError(null);
    const result = await sendJson("DELETE", `/api/v1/workspaces/${workspaceId}/membership`);
    if (!result.ok) return setError(result.error.message);
    router.push("/");
    router.refresh();
  }

  return (
    <div className="space-y-2">
      <button type="button" onClick={() => void leave()} className="rounded-md border border-rule px-3 py-1.5 text-sm hover:border-[var(--contradicted)] hover:text-[var(--contradicted)]">
        Leave this workspace
      </button>
      <FormError message={error} />
    </div>
  );
}
