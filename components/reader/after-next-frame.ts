// Runs a function once the browser has drawn the next frame.

/** How long a call waits at most: a hidden page draws no frames, so it would wait until shown. */
const LONGEST_WAIT_MS = 100;

/**
 * Calls `fn` in a task after the next frame (requestAnimationFrame, then a timer), so work that
 * can wait does not delay what the current change puts on screen; in a hidden page, which draws
 * no frames, after `LONGEST_WAIT_MS` instead. Returns a function that cancels the call if it has
 * not run yet.
 */
export function afterNextFrame(fn: () => void): () => void {
  let settled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (settled) return;
    settled = true;
    cancel();
    fn();
  };
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0);
  });
  const fallback = setTimeout(run, LONGEST_WAIT_MS);
  function cancel() {
    settled = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    clearTimeout(fallback);
  }
  return cancel;
}
