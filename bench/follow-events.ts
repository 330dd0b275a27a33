// Reads a dossier's Server-Sent Events stream in a bench, reporting each `change` event as it arrives.

/**
 * Opens `/api/v1/dossiers/:id/events` on `base`; calls `onChange` with the arrival time and data of
 * each change, and `onOpen` with the response's headers. Abort to close.
 */
export async function followEvents(
  base: string,
  cookie: string,
  dossierId: string,
  onChange: (at: number, data: string) => void,
  onOpen?: (headers: Headers) => void,
): Promise<AbortController> {
  const abort = new AbortController();
  const response = await fetch(`${base}/api/v1/dossiers/${dossierId}/events`, { headers: { cookie }, signal: abort.signal });
  if (!response.ok || !response.body) throw new Error(`events answered ${response.status}`);
  onOpen?.(response.headers);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const at = performance.now();
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith("event: change\n")) onChange(at, block.slice(block.indexOf("data: ") + 6));
        }
      }
    } catch {
      // Aborted at the end of the bench.
    }
  })();
  return abort;
}
