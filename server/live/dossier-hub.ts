// Each process's one listener on the live channel, fanning messages out to the streams of each dossier.
import type { OpenDatabase } from "../db/open-database.ts";
import { processDatabase } from "../db/process-database.ts";
import type { Listening } from "./listen-postgres.ts";
import { LIVE_CHANNEL, parseLiveMessage, type DossierChange } from "./live-message.ts";
import { PresenceRoster, type Viewer } from "./presence-roster.ts";

/** What a stream of one dossier is told. */
export interface DossierSubscriber {
  /** A change committed (on any instance). */
  change(change: DossierChange): void;
  /** Who is present now (everyone, the subscriber included). */
  presence(viewers: Viewer[]): void;
  /** Messages may have been lost (the listener reconnected): read the dossier again. */
  resync(): void;
  /** Someone's access ended (on any instance): a stream of theirs must close. */
  accessEnded?(userId: string): void;
}

const SWEEP_MS = 5_000;

/** Fans the live channel out to subscribers, and keeps the presence roster of every dossier. */
export class DossierHub {
  private readonly subscribers = new Map<string, Set<DossierSubscriber>>();
  private readonly roster = new PresenceRoster();
  private listening: Promise<Listening> | null = null;
  private sweep: NodeJS.Timeout | null = null;

  constructor(private readonly database: Pick<OpenDatabase, "listen">) {}

  /** Starts listening (once); resolves when notifications are being received. */
  start(): Promise<void> {
    const listen = this.database.listen;
    if (!listen) return Promise.reject(new Error("This database cannot listen for notifications."));
    this.listening ??= listen
      .call(
        this.database,
        LIVE_CHANNEL,
        (payload) => this.receive(payload),
        () => this.resyncAll(),
      )
      .catch((error: unknown) => {
        this.listening = null;
        throw error;
      });
    return this.listening.then(() => {});
  }

  /** Stops listening and forgets every subscriber. */
  async stop(): Promise<void> {
    const listening = this.listening;
    this.listening = null;
    if (this.sweep) clearInterval(this.sweep);
    this.sweep = null;
    this.subscribers.clear();
    if (listening) await (await listening).stop();
  }

  /** Subscribes to one dossier; the subscriber hears who is present at once. Returns the unsubscribe. */
  subscribe(dossierId: string, subscriber: DossierSubscriber): () => void {
    let set = this.subscribers.get(dossierId);
    if (!set) this.subscribers.set(dossierId, (set = new Set()));
    set.add(subscriber);
    subscriber.presence(this.roster.viewers(dossierId, Date.now()));
    return () => {
      set.delete(subscriber);
      if (set.size === 0 && this.subscribers.get(dossierId) === set) this.subscribers.delete(dossierId);
    };
  }

  /** Who is present in a dossier now. */
  viewers(dossierId: string): Viewer[] {
    return this.roster.viewers(dossierId, Date.now());
  }

  /** Handles one notification payload (anything not ours is ignored). */
  receive(payload: string): void {
    const message = parseLiveMessage(payload);
    if (!message) return;
    if (message.type === "change") {
      for (const subscriber of this.subscribersOf(message.dossierId)) subscriber.change(message);
      return;
    }
    if (message.type === "access-ended") {
      for (const set of this.subscribers.values()) for (const subscriber of [...set]) subscriber.accessEnded?.(message.userId);
      return;
    }
    if (this.roster.apply(message, Date.now())) this.tellPresence(message.dossierId);
    this.keepSweeping();
  }

  private resyncAll(): void {
    for (const set of this.subscribers.values()) for (const subscriber of [...set]) subscriber.resync();
  }

  private tellPresence(dossierId: string): void {
    const viewers = this.roster.viewers(dossierId, Date.now());
    for (const subscriber of this.subscribersOf(dossierId)) subscriber.presence(viewers);
  }

  private subscribersOf(dossierId: string): DossierSubscriber[] {
    return [...(this.subscribers.get(dossierId) ?? [])];
  }

  /** Expires silent viewers every few seconds while anyone is present anywhere. */
  private keepSweeping(): void {
    if (this.sweep) return;
    this.sweep = setInterval(() => {
      for (const dossierId of this.roster.expire(Date.now())) this.tellPresence(dossierId);
      if (this.roster.empty && this.sweep) {
        clearInterval(this.sweep);
        this.sweep = null;
      }
    }, SWEEP_MS);
    this.sweep.unref();
  }
}

const KEY = Symbol.for("attest.dossierHub");
const holder = globalThis as { [KEY]?: { database: OpenDatabase; hub: DossierHub } };

/**
 * The process's hub, listening on the process's database (shared through globalThis by the
 * server entry and the bundles Next.js builds, like the database itself).
 */
export async function processDossierHub(): Promise<DossierHub> {
  const ready = processDatabase();
  if (!ready) throw new Error("The database is not open: run the app with `npm start` (or `npm run dev`).");
  const { database } = await ready;
  let entry = holder[KEY];
  if (!entry || entry.database !== database) {
    entry = { database, hub: new DossierHub(database) };
    holder[KEY] = entry;
  }
  await entry.hub.start();
  return entry.hub;
}
