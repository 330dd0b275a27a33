// A value that follows another once the browser has drawn the next frame.
import { startTransition, useEffect, useState } from "react";
import { afterNextFrame } from "./after-next-frame.ts";

/**
 * Returns `value` as it was one painted frame ago: a change shows after the next frame is on
 * screen, as a transition, so what the same change draws elsewhere reaches the screen first and
 * is never held up by what depends on this value. The first render returns `value` itself; of
 * several changes within one frame, the last is shown.
 */
export function useAfterNextFrame<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => afterNextFrame(() => startTransition(() => setShown(() => value))), [value]);
  return shown;
}
