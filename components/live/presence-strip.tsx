"use client";
// Who else is in the dossier: their initials in the top bar, and a marker on the claim each looks at.
import { useEffect } from "react";
import type { Viewer } from "@/server/live/presence-roster.ts";
import "./presence.css";

/** One or two capital letters for a name ("Grace Hopper" → "GH"). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/[\s._@-]+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0][0], words[words.length - 1][0]] : [...(words[0] ?? "?").slice(0, 2)];
  return letters.join("").toUpperCase();
}

/** A hue of its own for each person, the same on every screen. */
function hueOf(userId: string): number {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 360;
}

/**
 * The other people present, as initials; choosing one shows the claim they look at. Claims
 * others look at carry their initials (`data-viewers` on the claim's elements in the briefing).
 */
export function PresenceStrip({
  viewers,
  claimText,
  onFollow,
}: {
  viewers: Viewer[];
  claimText: (claimId: string) => string | undefined;
  onFollow: (claimId: string) => void;
}) {
  // Runs after every render of the reader too: a briefing drawn again gets its markers back.
  useEffect(() => {
    const byClaim = new Map<string, Viewer[]>();
    for (const v of viewers) if (v.claimId) byClaim.set(v.claimId, [...(byClaim.get(v.claimId) ?? []), v]);
    for (const el of document.querySelectorAll<HTMLElement>("[data-claim-id][data-viewers]")) {
      if (!byClaim.has(el.dataset.claimId!)) {
        el.removeAttribute("data-viewers");
        el.removeAttribute("title");
      }
    }
    for (const [claimId, here] of byClaim) {
      for (const el of document.querySelectorAll<HTMLElement>(`[data-claim-id="${claimId}"]`)) {
        el.dataset.viewers = here.map((v) => initialsOf(v.name)).join(" ");
        el.style.setProperty("--presence-hue", String(hueOf(here[0].userId)));
        el.title = `${here.map((v) => v.name).join(", ")} ${here.length === 1 ? "is" : "are"} looking at this claim`;
      }
    }
  });

  if (viewers.length === 0) return null;
  return (
    <ul className="flex items-center -space-x-1.5" aria-label={`Also here: ${viewers.map((v) => v.name).join(", ")}`} data-presence>
      {viewers.map((v) => {
        const text = v.claimId ? claimText(v.claimId) : undefined;
        const where = text ? `looking at “${text.length > 80 ? `${text.slice(0, 79)}…` : text}”` : "in the dossier";
        return (
          <li key={v.userId}>
            <button
              type="button"
              className="presence-avatar"
              style={{ ["--presence-hue" as string]: hueOf(v.userId) }}
              title={`${v.name}, ${where}`}
              aria-label={`${v.name}, ${where}${v.claimId ? " — show it" : ""}`}
              disabled={!v.claimId}
              onClick={() => v.claimId && onFollow(v.claimId)}
              data-viewer={v.userId}
            >
              {initialsOf(v.name)}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
