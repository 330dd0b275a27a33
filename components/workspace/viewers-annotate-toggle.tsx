"use client";
// The owner's switch for whether viewers may annotate.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError } from "@/components/form-error.tsx";
import { sendJson } from "@/components/reader/send-json.ts";

/** A checkbox saved as soon as it changes; it springs back when saving fails. */
export function ViewersAnnotateToggle({ workspaceId, viewersMayAnnotate }: { workspaceId: string; viewersMayAnnotate: boolean }) {
  const router = useRouter();
  const [checked, setChecked] = useState(viewersMayAnnotate);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function change(next: boolean) {
    setChecked(next);
    setBusy(true);
    setError(null);
    const result = await sendJson("PATCH", `/api/v1/workspaces/${workspaceId}`, { viewersMayAnnotate: next });
    setBusy(false);
    if (!result.ok) {
      setChecked(!next);
      return setError(result.error.message);
    }
    setStatus(next ? "Viewers may now annotate." : "Viewers now only read.");
    router.refresh();
  }

  return (
    <div>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={checked} disabled={busy} onChange={(e) => void change(e.currentTarget.checked)} className="h-4 w-4" />
        <span>Viewers may annotate</span>
      </label>
      <FormError message={error} />
      <p role="status" className="min-h-[1.25rem] text-sm text-muted">
        {status}
      </p>
    </div>
  );
}
