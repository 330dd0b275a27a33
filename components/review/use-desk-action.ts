"use client";
// Runs one change from the review desk: calls the API, then re-renders the page's server data,
// or keeps the server's message to show.
import { useRouter } from "next/navigation";
import { useCallback, useState, useTransition } from "react";
import type { ApiResult } from "../reader/send-json.ts";

/** `run(call)` sends the change; `busy` while it and the refresh are under way; `error` is the server's words. */
export function useDeskAction() {
  const router = useRouter();
  const [sending, setSending] = useState(false);
  const [refreshing, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async <T,>(call: () => Promise<ApiResult<T>>): Promise<T | null> => {
      setSending(true);
      const result = await call();
      setSending(false);
      if (!result.ok) {
        setError(result.error.message);
        if (result.error.status === 409) startTransition(() => router.refresh());
        return null;
      }
      setError(null);
      startTransition(() => router.refresh());
      return result.data;
    },
    [router],
  );
  return { run, busy: sending || refreshing, error };
}
