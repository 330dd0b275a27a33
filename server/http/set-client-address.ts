// The client address the app counts sign-in attempts by: the connection's, unless a trusted proxy says otherwise.
import type { IncomingMessage } from "node:http";

/**
 * Sets `X-Forwarded-For` to the connection's remote address, so a client cannot choose the address
 * its attempts are counted under. With `TRUST_PROXY=1` (the app behind a reverse proxy that sets
 * the header itself), the header is left as the proxy sent it.
 */
export function setClientAddress(req: IncomingMessage, trustProxy = process.env.TRUST_PROXY === "1"): void {
  if (trustProxy) return;
  const address = req.socket.remoteAddress;
  if (address) req.headers["x-forwarded-for"] = address;
  else delete req.headers["x-forwarded-for"];
}
