"use client";
// The dossier's activity feed, newest first, with older pages on request.
import { useState } from "react";
import type { ActivityPage } from "@/server/reviews/list-dossier-activity.ts";
import { sendJson } from "../reader/send-json.ts";
import { ActivityList } from "./activity-list.tsx";
import type { ActivityEntry } from "./review-words.ts";

interface Props {
  dossierId: string;
  first: ActivityPage;
  names: Record<string, string>;
  claims: Record<string, { text: string; href: string }>;
  /** The owner reading every verdict. */
  asOwner: boolean;
}

export function ActivityFeed({ dossierId, first, names, claims, asOwner }: Props) {
  const [entries, setEntries] = useState<ActivityEntry[]>(first.items);
  const [cursor, setCursor] = useState(first.nextCursor);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const older = async () => {
    if (!cursor) return;
    setLoading(true);
    const query = new URLSearchParams({ cursor, limit: "50", ...(asOwner ? { as: "owner" } : {}) });
    const result = await sendJson<ActivityPage>("GET", `/api/v1/dossiers/${dossierId}/activity?${query}`);
    setLoading(false);
    if (!result.ok) return setError(result.error.message);
    setEntries((e) => [...e, ...result.data.items]);
    setCursor(result.data.nextCursor);
  };
  return (
    <div>
      <ActivityList entries={entries} names={new Map(Object.entries(names))} claims={new Map(Object.entries(claims))} />
      {cursor ? (
        <button type="button" onClick={older} disabled={loading} className="mt-3 text-sm text-accent underline">
          {loading ? "Loading…" : "Show older"}
        </button>
      ) : null}
      {error ? (
        <p role="alert" className="mt-1 text-sm text-[var(--contradicted)]">
          {error}
        </p>
      ) : null}
    </div>
  );
}
