// The keys sheet (`?`): every key the reader answers to, in the order of the review loop.
import { Dialog } from "radix-ui";

/** Keys and what they do, grouped by step of the loop. */
export const READER_KEYS: { group: string; keys: [string, string][] }[] = [
  {
    group: "Move",
    keys: [
      ["J / K", "Next / previous claim"],
      ["] / [", "Next / previous claim nobody has reviewed"],
      ["Enter", "Open the focused claim’s evidence"],
      ["1–9", "Choose the claim’s first to ninth candidate passage"],
      ["/", "Search the briefing’s claims"],
    ],
  },
  {
    group: "Judge",
    keys: [
      ["A", "Accept the chosen passage: it supports the claim"],
      ["R", "Reject the chosen passage"],
      ["V", "Change an accepted passage’s verdict: supports → partly → contradicts"],
      ["U", "Undo the decision, or unlink a passage linked by hand"],
      ["L", "Link the selected text as evidence"],
      ["N", "Write a note on the selected source text, else on the active claim (Esc cancels, Ctrl+Enter saves)"],
    ],
  },
  {
    group: "Around",
    keys: [
      ["E", "Show or hide the evidence panel"],
      ["Esc", "Close what is open; clear the filter or the search"],
      ["?", "This sheet"],
    ],
  },
];

/** A dialog listing the keys. */
export function KeysSheet({ open, onOpenChange, onCloseAutoFocus }: { open: boolean; onOpenChange: (open: boolean) => void; onCloseAutoFocus?: (event: Event) => void }) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/30" />
        <Dialog.Content onCloseAutoFocus={onCloseAutoFocus} className="fixed left-1/2 top-[10vh] z-50 max-h-[80vh] w-[min(34rem,92vw)] -translate-x-1/2 overflow-y-auto rounded-lg border border-rule bg-panel p-5 text-ink shadow-xl">
          <Dialog.Title className="text-base font-semibold">Keys</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-muted">Pick a claim, see its evidence, judge it, next claim.</Dialog.Description>
          {READER_KEYS.map(({ group, keys }) => (
            <section key={group} className="mt-4">
              <h3 className="mb-1.5 text-xs font-semibold uppercase tracking-wider text-muted">{group}</h3>
              <dl className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-1 text-sm">
                {keys.map(([key, what]) => (
                  <div key={key} className="contents">
                    <dt>
                      <kbd className="rounded border border-rule bg-bg px-1.5 py-0.5 font-mono text-xs">{key}</kbd>
                    </dt>
                    <dd>{what}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
          <div className="mt-5 flex justify-end">
            <Dialog.Close asChild>
              <button type="button" className="rounded border border-rule px-3 py-1.5 text-sm hover:bg-accent-soft">
                Close
              </button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
