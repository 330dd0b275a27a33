// The popover over a clicked highlight: the claims that cite that passage, each one click back to the briefing.
import { Popover } from "radix-ui";
import type { ClaimView, LinkView } from "@/server/dossiers/get-dossier-or-throw.ts";
import { STATE_LABEL, suggestedWords, VERDICT_LABEL } from "./claim-words.ts";

interface Props {
  /** The clicked mark, or null when closed. */
  anchor: HTMLElement | null;
  links: LinkView[];
  claims: Map<string, ClaimView>;
  onPick: (claimId: string, linkId: string) => void;
  onClose: () => void;
}

/** Lists the claims citing the passage under `anchor`. */
export function SpanPopover({ anchor, links, claims, onPick, onClose }: Props) {
  return (
    <Popover.Root open={anchor !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <Popover.Anchor virtualRef={{ current: anchor }} />
      <Popover.Portal>
        <Popover.Content
          side="bottom"
          align="start"
          sideOffset={6}
          collisionPadding={12}
          className="z-40 w-[min(24rem,90vw)] rounded-md border border-rule bg-panel p-2 text-sm text-ink shadow-lg"
          aria-label="Claims citing this passage"
        >
          <p className="px-1.5 pb-1 text-xs font-semibold uppercase tracking-wider text-muted">
            Cited by {links.length} claim{links.length === 1 ? "" : "s"}
          </p>
          <ul>
            {links.map((link) => {
              const claim = claims.get(link.claimId);
              if (!claim) return null;
              return (
                <li key={link.id}>
                  <button
                    type="button"
                    onClick={() => onPick(claim.id, link.id)}
                    className="flex w-full gap-2 rounded px-1.5 py-1.5 text-left hover:bg-accent-soft focus-visible:bg-accent-soft"
                  >
                    <span className={`cov-marker cov-${claim.state} mt-0.5`} aria-hidden>
                      {STATE_LABEL[claim.state].marker}
                    </span>
                    <span className="min-w-0">
                      <span className="line-clamp-2 font-reading">{claim.text}</span>
                      <span className="text-xs text-muted">
                        {link.state === "accepted" ? VERDICT_LABEL[link.verdict ?? "supports"] : suggestedWords(link.score)}
                      </span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
