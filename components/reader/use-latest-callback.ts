// A callback whose identity never changes but which always runs the latest function given to it.
import { useCallback, useLayoutEffect, useRef } from "react";

/**
 * Returns a function that stays the same from one render to the next and calls the `fn` of the
 * latest committed render, so a memoised pane can take it without being drawn again when what the
 * function reads (the active claim, say) changes. Not for use while rendering.
 */
export function useLatestCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const ref = useRef(fn);
  useLayoutEffect(() => {
    ref.current = fn;
  });
  return useCallback((...args: A) => ref.current(...args), []);
}
