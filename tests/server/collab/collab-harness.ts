// What co-editing tests share: an app-like HTTP server with the collaboration server attached, and providers that join as a given user.
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { HocuspocusProvider } from "@hocuspocus/provider";
import type { Server } from "@hocuspocus/server";
import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { BRIEFING_FRAGMENT, briefingRoom } from "@/core/briefing/briefing-room.ts";
import { jsonToBriefing } from "@/core/briefing/json-to-briefing.ts";
import { attachCollabServer } from "@/server/collab/attach-collab-server.ts";
import { createCollabServer, type CollabOptions } from "@/server/collab/create-collab-server.ts";
import { stopCollabServer } from "@/server/collab/stop-collab-server.ts";
import { ORIGIN } from "../route-session.ts";

// The `ws` client Hocuspocus itself uses: unlike Node's WebSocket it can send a Cookie header.
const NodeWebSocket = createRequire(import.meta.url)("ws") as new (url: string, protocols: unknown, options: { headers: Record<string, string> }) => unknown;

/** A collaboration server on an HTTP server of its own, as `npm start` runs it. */
export interface RunningCollab {
  server: Server;
  url: string;
  stop(): Promise<void>;
}

/** Starts a collaboration server on a free port. */
export async function startCollab(options: CollabOptions): Promise<RunningCollab> {
  const http: HttpServer = createServer((_req, res) => res.writeHead(404).end());
  const server = createCollabServer({ debounce: 50, maxDebounce: 200, ...options });
  attachCollabServer(http, server, () => [ORIGIN]);
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  return {
    server,
    url: `ws://127.0.0.1:${port}/collab`,
    async stop() {
      await stopCollabServer(server);
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/** A provider joining a briefing's room with a session cookie (or none). */
export function join(url: string, documentId: string, cookie: string | null, events: { onAuthenticationFailed?: (reason: string) => void } = {}) {
  const doc = new Y.Doc();
  const headers: Record<string, string> = { origin: ORIGIN, ...(cookie ? { cookie } : {}) };
  const WebSocketPolyfill = class extends (NodeWebSocket as new (...args: unknown[]) => object) {
    constructor(address: string, protocols?: unknown) {
      super(address, protocols, { headers });
    }
  };
  const provider = new HocuspocusProvider({
    url,
    name: briefingRoom(documentId),
    document: doc,
    // Handed on to the provider's own socket (HocuspocusProviderWebsocket), which is made from the same options.
    ...({ WebSocketPolyfill } as object),
    onAuthenticationFailed: ({ reason }) => events.onAuthenticationFailed?.(reason),
  });
  return { doc, provider };
}

/** The draft's canonical text, as saving would read it. */
export function draftText(doc: Y.Doc): string {
  return jsonToBriefing(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(BRIEFING_FRAGMENT))).document.text;
}

/** The claim ids marked in the draft. */
export function draftClaimIds(doc: Y.Doc): string[] {
  return jsonToBriefing(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(BRIEFING_FRAGMENT))).claims.map((c) => c.id);
}

/** Types `words` at the start of the draft's first paragraph. */
export function typeAtStart(doc: Y.Doc, words: string): void {
  const fragment = doc.getXmlFragment(BRIEFING_FRAGMENT);
  for (const block of fragment.toArray()) {
    if (block instanceof Y.XmlElement && block.nodeName === "paragraph" && block.get(0) instanceof Y.XmlText) {
      (block.get(0) as Y.XmlText).insert(0, words);
      return;
    }
  }
  throw new Error("The draft has no paragraph with text.");
}

/** Adds a paragraph at the end of the draft. */
export function appendParagraph(doc: Y.Doc, words: string): void {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(words)]);
  doc.getXmlFragment(BRIEFING_FRAGMENT).push([paragraph]);
}

/** Waits until `check` holds (a few seconds at most). */
export async function until(check: () => boolean | Promise<boolean>, what: string, ms = 8_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
