"use client";
// The first-run tour of the example dossier: three moves, shown once, in the page's flow (it covers nothing).
import { useEffect, useState } from "react";

/** Where the reader remembers that the tour was dismissed. */
export const TOUR_DISMISSED_KEY = "attest.tour.dismissed";

const STEPS = [
  {
    title: "Click a claim",
    body: "Each sentence of the briefing is a claim, marked by its state. Click one (or press J) and the passage it relies on lights up in the source.",
    target: '[data-pane="briefing"]',
  },
  {
    title: "Judge its evidence",
    body: "The evidence panel lists the passages with their score and quote and number checks. Accept one as supports, partial or contradicts (A, then V), reject it (R), or mark the claim not in the sources.",
    target: '[data-pane="evidence"]',
  },
  {
    title: "Annotate",
    body: "Select words in a source and press N to start a note your colleagues can answer, resolve or tag. Press ? any time for every key.",
    target: "[data-source-scroll]",
  },
] as const;

/**
 * A strip above the reader walking through the three moves, with the region each one is about
 * outlined. Back / Next / Done are buttons; Escape or Done dismisses it for good (kept in
 * localStorage); a new `forceOpen` value shows it again from the start. On a read-only page the
 * steps that change something say that they need an account.
 */
export function FirstRunTour({ forceOpen = 0, readOnly = false }: { forceOpen?: number; readOnly?: boolean }) {
  const [step, setStep] = useState(0);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (forceOpen > 0) {
      setStep(0);
      setOpen(true);
      return;
    }
    try {
      setOpen(localStorage.getItem(TOUR_DISMISSED_KEY) !== "1");
    } catch {
      setOpen(true);
    }
  }, [forceOpen]);

  useEffect(() => {
    if (!open) return;
    const target = document.querySelector<HTMLElement>(STEPS[step].target);
    target?.classList.add("tour-target");
    return () => target?.classList.remove("tour-target");
  }, [open, step]);

  if (!open) return null;
  const dismiss = () => {
    setOpen(false);
    try {
      localStorage.setItem(TOUR_DISMISSED_KEY, "1");
    } catch {
      // Private windows may refuse storage: the tour then simply shows again next time.
    }
  };
  const { title, body } = STEPS[step];
  const needsAccount = readOnly && step > 0;
  return (
    <section
      aria-label="Tour of the reader"
      data-tour
      className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-rule bg-accent-soft px-5 py-2 text-sm"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          dismiss();
        }
      }}
    >
      <p className="min-w-0 flex-1" aria-live="polite">
        <span className="mr-2 font-semibold">
          {step + 1}/{STEPS.length} · {title}.
        </span>
        {body}
        {needsAccount ? (
          <>
            {" "}
            <a href="/sign-up" className="underline">
              Create an account
            </a>{" "}
            to do this on your own dossiers.
          </>
        ) : null}
      </p>
      <div className="flex shrink-0 gap-2">
        {step > 0 ? (
          <button type="button" onClick={() => setStep(step - 1)} className="rounded border border-rule bg-panel px-2.5 py-1">
            Back
          </button>
        ) : null}
        {step < STEPS.length - 1 ? (
          <button type="button" onClick={() => setStep(step + 1)} className="rounded bg-accent px-2.5 py-1 font-medium text-[var(--panel)]">
            Next
          </button>
        ) : null}
        <button type="button" onClick={dismiss} className="rounded border border-rule bg-panel px-2.5 py-1">
          {step < STEPS.length - 1 ? "Skip the tour" : "Done"}
        </button>
      </div>
    </section>
  );
}
