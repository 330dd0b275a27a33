import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { afterNextFrame } from "@/components/reader/after-next-frame.ts";

// Frames are drawn only when the test says so; timers are Vitest's fake ones.
let frames: Map<number, FrameRequestCallback>;
let nextFrame: number;
const drawFrame = () => {
  const pending = [...frames.values()];
  frames.clear();
  for (const callback of pending) callback(performance.now());
};

beforeEach(() => {
  vi.useFakeTimers();
  frames = new Map();
  nextFrame = 1;
  vi.stubGlobal("requestAnimationFrame", (callback: FrameRequestCallback) => {
    frames.set(nextFrame, callback);
    return nextFrame++;
  });
  vi.stubGlobal("cancelAnimationFrame", (id: number) => frames.delete(id));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("afterNextFrame", () => {
  it("runs once, in a task after the next frame, not before it", () => {
    const fn = vi.fn();
    afterNextFrame(fn);
    vi.advanceTimersByTime(10);
    expect(fn).not.toHaveBeenCalled();
    drawFrame();
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    drawFrame();
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("runs after a short wait when no frame comes, as in a hidden page, and only once", () => {
    const fn = vi.fn();
    afterNextFrame(fn);
    vi.advanceTimersByTime(99);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    drawFrame();
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("never runs once cancelled", () => {
    const fn = vi.fn();
    const cancel = afterNextFrame(fn);
    cancel();
    drawFrame();
    vi.advanceTimersByTime(1000);
    expect(fn).not.toHaveBeenCalled();
  });
});
