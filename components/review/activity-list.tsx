// A list of history entries: who, when, what, and the value before → after.
import { describeActivity, type ActivityEntry } from "./review-words.ts";

interface Props {
  entries: readonly ActivityEntry[];
  /** Member names by user id, for assignments. */
  names: ReadonlyMap<string, string>;
  /** For a dossier's feed: the claims the entries are about, by id, to name and open them. */
  claims?: ReadonlyMap<string, { text: string; href: string }>;
}

/** "2026-11-29 13:05 UTC": the same on the server and in the browser. */
export function formatTime(at: Date | string): string {
  return `${new Date(at).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

function claimOf(entry: ActivityEntry & { entityId?: string }): string | null {
  if (entry.entityType === "claim" && entry.entityId) return entry.entityId;
  const value = (entry.after ?? entry.before) as { claimId?: unknown } | null;
  return typeof value?.claimId === "string" ? value.claimId : null;
}

/** The entries in the order given, one line each (a second for a reason or a note). */
export function ActivityList({ entries, names, claims }: Props) {
  if (entries.length === 0) return <p className="text-sm text-muted">Nothing has happened here yet.</p>;
  return (
    <ol className="space-y-2 text-sm" data-activity>
      {entries.map((entry) => {
        const { what, change, changeOf, why } = describeActivity(entry, names);
        const claimId = claims ? claimOf(entry) : null;
        const claim = claimId ? claims?.get(claimId) : undefined;
        return (
          <li key={entry.id} className="leading-snug" data-action={entry.action}>
            <span className="font-medium">{entry.actor?.name ?? "Attest"}</span> {what}
            {change ? (
              <>
                {changeOf ? `; ${changeOf}: ` : ": "}
                <span className="text-muted">{change.before}</span> → <span className="font-medium">{change.after}</span>
              </>
            ) : null}
            {claim ? (
              <>
                {" · "}
                <a href={claim.href} className="text-accent underline decoration-dotted underline-offset-2">
                  “{claim.text.length > 70 ? `${claim.text.slice(0, 70)}…` : claim.text}”
                </a>
              </>
            ) : null}
            <time dateTime={new Date(entry.at).toISOString()} className="ml-2 whitespace-nowrap text-xs text-muted">
              {formatTime(entry.at)}
            </time>
            {why ? <p className="mt-0.5 border-l-2 border-rule pl-2 text-muted">{why}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
