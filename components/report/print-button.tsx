"use client";
// Opens the browser's print dialog, where the report can be saved as PDF.

/** A button that prints the page. */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="rounded bg-accent px-3 py-1 text-sm font-medium text-white dark:text-black">
      Print or save as PDF
    </button>
  );
}
