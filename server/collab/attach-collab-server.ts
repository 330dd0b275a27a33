// Hands the WebSocket upgrades of the collaboration path, from the app's own origins, to the collaboration server.
import type { Server as HttpServer } from "node:http";
import type { Server } from "@hocuspocus/server";
import { COLLAB_PATH } from "@/core/briefing/briefing-room.ts";

/**
 * Listens to `upgrade` on the app's HTTP server: requests for `COLLAB_PATH` become collaboration
 * connections; other upgrades are left to other listeners. A browser upgrade from an origin that
 * is not the app's (`allowedOrigins`) is refused, so another site cannot join with the visitor's
 * cookie; clients without an Origin (not browsers) authenticate like any API client.
 */
export function attachCollabServer(http: HttpServer, collab: Server, allowedOrigins: () => string[]): void {
  http.on("upgrade", (request, socket, head) => {
    const path = (request.url ?? "/").split("?")[0];
    if (path !== COLLAB_PATH) return;
    const origin = request.headers.origin;
    if (origin && !allowedOrigins().includes(origin)) {
      socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n");
      return;
    }
    collab.webSocketServer.handleUpgrade(request, socket, head, (ws: unknown) => collab.webSocketServer.emit("connection", ws, request));
  });
}
