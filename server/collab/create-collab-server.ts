// The collaboration server of briefing drafts (Hocuspocus): who may join, where drafts load from and are stored, fan-out over Redis.
import type { IncomingHttpHeaders } from "node:http";
import { Redis } from "@hocuspocus/extension-redis";
import { Server, type Extension } from "@hocuspocus/server";
import { getActor } from "../auth/get-actor.ts";
import type { Db } from "../db.ts";
import type { DossierSubscriber } from "../live/dossier-hub.ts";
import { authorizeBriefingRoom, type RoomGrant } from "./authorize-briefing-room.ts";
import { documentIdOfRoom } from "@/core/briefing/briefing-room.ts";
import { loadBriefingDraft } from "./load-briefing-draft.ts";
import { storeBriefingDraft } from "./store-briefing-draft.ts";

/** How a collaboration server is made. */
export interface CollabOptions {
  /** The database drafts and permissions are read from. */
  db: () => Promise<Db>;
  /** Redis to fan edits out to the other app instances (`REDIS_URL`); none for a single instance. */
  redisUrl?: string;
  /** Prefix of the Redis keys and channels (instances that share drafts share it). */
  redisPrefix?: string;
  /** Where "someone's access ended" is heard (the process's live hub); none in tests that do not need it. */
  subscribe?: (dossierId: string, subscriber: DossierSubscriber) => Promise<() => void>;
  /** Milliseconds of quiet before a changed draft is stored, and the longest wait under constant typing. */
  debounce?: number;
  maxDebounce?: number;
}

/** What a connection carries once authenticated. */
interface RoomContext {
  grant?: RoomGrant;
  /** When the grant was last checked again. */
  checkedAt?: number;
  unsubscribe?: () => void;
  /** A connection made by the server itself (saving a draft). */
  system?: boolean;
}

/** How often a writer's role is checked again while they edit (a demotion or removal takes effect). */
const RECHECK_MS = 10_000;

/**
 * A Hocuspocus server that is never `listen`ed: the app's HTTP server hands it the upgrades of
 * `COLLAB_PATH` (see `attachCollabServer`), so it runs on the app's port, in the app's process
 * (the embedded database admits one), and behind the same proxy.
 *
 * - Joining: the session cookie of the upgrade request (or a personal access token passed as the
 *   provider's token) names the actor; editors and owners write, other members join read-only,
 *   anyone else is refused.
 * - A writer's role is checked again at most every 10 s while they send changes, and their
 *   connection is closed at once when their access ends (a removal, heard on the live channel).
 * - Drafts load from `BriefingDraft` (seeded from the latest version) and are stored 2 s after the
 *   last change (10 s at most under constant typing), and when the last editor leaves.
 */
export function createCollabServer(options: CollabOptions): Server {
  const extensions: Extension[] = [];
  if (options.redisUrl) extensions.push(new Redis({ ...redisConfiguration(options.redisUrl), prefix: options.redisPrefix ?? "attest:collab" }));

  const roomOf = (documentName: string): string => {
    const documentId = documentIdOfRoom(documentName);
    if (!documentId) throw new Error(`Not a briefing's room: ${documentName}`);
    return documentId;
  };

  return new Server(
    {
      name: "attest-collab",
      quiet: true,
      stopOnSignals: false,
      debounce: options.debounce ?? 2_000,
      maxDebounce: options.maxDebounce ?? 10_000,
      extensions,

      async onAuthenticate({ requestHeaders, token, documentName, connectionConfig }) {
        const documentId = roomOf(documentName);
        const headers = toHeaders(requestHeaders);
        if (token && token.startsWith("att_")) headers.set("authorization", `Bearer ${token}`);
        const db = await options.db();
        const grant = await authorizeBriefingRoom(db, await getActor(headers), documentId);
        connectionConfig.readOnly = grant.readOnly;
        return { grant, checkedAt: Date.now() } satisfies RoomContext;
      },

      async connected({ context, connection }) {
        const room = context as RoomContext;
        if (!room.grant || !options.subscribe) return;
        const { userId, dossierId } = room.grant;
        // The whole socket closes (it carries only this person's rooms): the provider reconnects, and is refused.
        const close = () => connection.webSocket.close(4403, "Your access to this dossier ended.");
        room.unsubscribe = await options.subscribe(dossierId, {
          change() {},
          presence() {},
          resync() {},
          accessEnded(ended) {
            if (ended === userId) close();
          },
        });
      },

      async onDisconnect({ context }) {
        (context as RoomContext).unsubscribe?.();
      },

      async beforeHandleMessage({ context, documentName, connection }) {
        const room = context as RoomContext;
        if (!room.grant || room.grant.readOnly || Date.now() - (room.checkedAt ?? 0) < RECHECK_MS) return;
        room.checkedAt = Date.now();
        const db = await options.db();
        const now = await authorizeBriefingRoom(db, { kind: "user", userId: room.grant.userId, name: room.grant.name, email: "" }, roomOf(documentName)).catch(() => null);
        if (now && !now.readOnly) return;
        // The change is dropped and the socket closed: the provider reconnects as what the person is now (a reader, or refused).
        connection.webSocket.close(4403, "Your role no longer allows editing this briefing.");
        throw new Error("Your role no longer allows editing this briefing.");
      },

      async onLoadDocument({ documentName, document }) {
        await loadBriefingDraft(await options.db(), roomOf(documentName), document);
        return document;
      },

      async onStoreDocument({ documentName, document }) {
        await storeBriefingDraft(await options.db(), roomOf(documentName), document);
      },
    },
    { maxPayload: 16 * 1024 * 1024 },
  );
}

/** Host, port and credentials of a `redis://` address. */
function redisConfiguration(url: string) {
  const parsed = new URL(url);
  if (parsed.protocol !== "redis:") throw new Error(`REDIS_URL must be a redis:// address (it is "${url}")`);
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0;
  return {
    host: parsed.hostname || "127.0.0.1",
    port: Number(parsed.port || 6379),
    options: {
      username: decodeURIComponent(parsed.username) || undefined,
      password: decodeURIComponent(parsed.password) || undefined,
      db,
      // The subscriber subscribes as soon as a room opens, possibly before it is connected; a ready
      // check (INFO) on a connection already in subscriber mode fails and leaves it deaf.
      enableReadyCheck: false,
    },
  };
}

function toHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}
