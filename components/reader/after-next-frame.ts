// Runs a function once the browser has drawn the next frame.

/**
 * Calls `fn` in a task after the next frame (requestAnimationFrame, then a timer), so work that
 * can wait does not delay what the current change puts on screen. Returns a function that cancels
 * the call if it has not run yet.
 */
export function afterNextFrame(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(fn, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
