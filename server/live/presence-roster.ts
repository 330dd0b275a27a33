// Who is in which dossier, from the presence beats every app instance hears, forgotten after a silence.
import type { PresenceBeat } from "./live-message.ts";

/** How long a beat counts: a tab that stops beating (every ~10 s) is gone after this. */
export const PRESENCE_TTL_MS = 30_000;

/** One person in a dossier, and the claim they look at (null: none). */
export interface Viewer {
  userId: string;
  name: string;
  claimId: string | null;
}

interface Seen {
  userId: string;
  name: string;
  claimId: string | null;
  at: number;
}

/** The people present in each dossier, per browser tab; kept by every instance alike. */
export class PresenceRoster {
  private readonly dossiers = new Map<string, Map<string, Seen>>();

  constructor(private readonly ttlMs: number = PRESENCE_TTL_MS) {}

  /** Takes a beat in; true when it changes who is shown in the dossier or where they look. */
  apply(beat: PresenceBeat, now: number): boolean {
    const before = this.signature(beat.dossierId, now);
    let tabs = this.dossiers.get(beat.dossierId);
    const key = `${beat.userId} ${beat.tab}`;
    if (beat.left) {
      tabs?.delete(key);
    } else {
      if (!tabs) this.dossiers.set(beat.dossierId, (tabs = new Map()));
      tabs.set(key, { userId: beat.userId, name: beat.name, claimId: beat.claimId, at: now });
    }
    if (tabs && tabs.size === 0) this.dossiers.delete(beat.dossierId);
    return this.signature(beat.dossierId, now) !== before;
  }

  /** The people present, once each (their most recently active tab), in the order they arrived. */
  viewers(dossierId: string, now: number): Viewer[] {
    const tabs = this.dossiers.get(dossierId);
    if (!tabs) return [];
    const latest = new Map<string, Seen>();
    for (const seen of tabs.values()) {
      if (now - seen.at > this.ttlMs) continue;
      const known = latest.get(seen.userId);
      if (!known || seen.at >= known.at) latest.set(seen.userId, seen);
    }
    return [...latest.values()].map(({ userId, name, claimId }) => ({ userId, name, claimId }));
  }

  /** Forgets silent tabs; returns the dossiers whose viewers changed. */
  expire(now: number): string[] {
    const changed: string[] = [];
    for (const [dossierId, tabs] of this.dossiers) {
      let dropped = false;
      for (const [key, seen] of tabs) {
        if (now - seen.at > this.ttlMs) {
          tabs.delete(key);
          dropped = true;
        }
      }
      if (tabs.size === 0) this.dossiers.delete(dossierId);
      if (dropped) changed.push(dossierId);
    }
    return changed;
  }

  /** Whether anyone is present anywhere (the expiry sweep stops when no one is). */
  get empty(): boolean {
    return this.dossiers.size === 0;
  }

  private signature(dossierId: string, now: number): string {
    return JSON.stringify(this.viewers(dossierId, now));
  }
}
