"use client";
// Keeps an open dossier live: reads it again when someone commits a change, and says who else is here.
import { useEffect, useRef, useState } from "react";
import type { Viewer } from "@/server/live/presence-roster.ts";

/** How often this tab tells the others it is still here (the server forgets it after ~30 s). */
const BEAT_MS = 10_000;
/** Changes arriving this close together are read in one go. */
const GATHER_MS = 40;

function newTabId(): string {
  if (typeof crypto !== "undefined" && "randomUUID" in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/**
 * Subscribes to the dossier's event stream. On a committed change (by anyone, on any app
 * instance) it calls `refresh`, which reads the dossier again and merges it as the reader sees
 * fit (the reader keeps its in-flight optimistic changes); reads never overlap, and changes that
 * arrive during one are read once more after it. Meanwhile the tab beats its presence with the
 * claim it looks at. Returns the other people present. `dossierId` null: nothing (read-only pages).
 */
export function useLiveDossier(dossierId: string | null, claimId: string | null, refresh: () => Promise<unknown>): Viewer[] {
  const [viewers, setViewers] = useState<Viewer[]>([]);
  const [me, setMe] = useState<string | null>(null);
  const [tab] = useState(newTabId);
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  const claimRef = useRef(claimId);
  claimRef.current = claimId;

  useEffect(() => {
    if (!dossierId) return;
    let reading = false;
    let again = false;
    let gather: ReturnType<typeof setTimeout> | null = null;
    const read = async () => {
      gather = null;
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      try {
        do {
          again = false;
          await refreshRef.current();
        } while (again);
      } finally {
        reading = false;
      }
    };
    const soon = () => {
      gather ??= setTimeout(() => void read(), GATHER_MS);
    };
    const source = new EventSource(`/api/v1/dossiers/${dossierId}/events?tab=${encodeURIComponent(tab)}`);
    let opened = false;
    // After a reconnect, what changed while the stream was down is read once.
    source.addEventListener("open", () => {
      if (opened) soon();
      opened = true;
    });
    source.addEventListener("hello", (e) => setMe((JSON.parse(e.data) as { userId: string }).userId));
    source.addEventListener("change", soon);
    source.addEventListener("resync", soon);
    source.addEventListener("presence", (e) => setViewers((JSON.parse(e.data) as { viewers: Viewer[] }).viewers));
    return () => {
      if (gather) clearTimeout(gather);
      source.close();
    };
  }, [dossierId, tab]);

  useEffect(() => {
    if (!dossierId) return;
    const url = `/api/v1/dossiers/${dossierId}/presence`;
    const beat = (left = false) =>
      void fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ claimId: claimRef.current, tab, left }),
        // Lets the last beat (leaving) go out while the page unloads.
        keepalive: left,
      }).catch(() => {});
    const timer = setInterval(() => beat(), BEAT_MS);
    const leave = () => beat(true);
    window.addEventListener("pagehide", leave);
    return () => {
      clearInterval(timer);
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, [dossierId, tab]);

  // Moving to another claim is told at once (a moment later, so a run of j presses sends one beat).
  useEffect(() => {
    if (!dossierId) return;
    const timer = setTimeout(() => {
      void fetch(`/api/v1/dossiers/${dossierId}/presence`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ claimId, tab, left: false }),
      }).catch(() => {});
    }, 150);
    return () => clearTimeout(timer);
  }, [dossierId, tab, claimId]);

  return me ? viewers.filter((v) => v.userId !== me) : [];
}
