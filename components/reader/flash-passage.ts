// Flashes a passage that just came into view with a ring drawn on a layer of its own, so the text is not repainted frame by frame.

/** How long the ring takes to fade. */
const FLASH_MS = 800;

/**
 * Draws a ring around the box of `marks` (the pieces of one passage) inside their scrolling pane
 * and fades it out. The ring is one element with `will-change: opacity`: the browser fades it on
 * the compositor, where animating the marks themselves (a box-shadow on thousands of characters'
 * worth of inline boxes) repainted the whole pane on every frame.
 */
export function flashPassage(marks: readonly HTMLElement[], pane: HTMLElement): void {
  if (marks.length === 0) return;
  const paneBox = pane.getBoundingClientRect();
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  for (const mark of marks) {
    const box = mark.getBoundingClientRect();
    top = Math.min(top, box.top);
    left = Math.min(left, box.left);
    bottom = Math.max(bottom, box.bottom);
    right = Math.max(right, box.right);
  }
  let ring = pane.querySelector<HTMLElement>(":scope > .passage-flash");
  if (!ring) {
    ring = document.createElement("div");
    ring.className = "passage-flash";
    ring.setAttribute("aria-hidden", "true");
    pane.append(ring);
  }
  const pad = 4;
  ring.style.top = `${top - paneBox.top + pane.scrollTop - pad}px`;
  ring.style.left = `${left - paneBox.left + pane.scrollLeft - pad}px`;
  ring.style.width = `${right - left + 2 * pad}px`;
  ring.style.height = `${bottom - top + 2 * pad}px`;
  ring.getAnimations().forEach((animation) => animation.cancel());
  ring.animate([{ opacity: 1 }, { opacity: 0 }], { duration: FLASH_MS, easing: "ease-out", fill: "forwards" });
}
