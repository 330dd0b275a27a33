// Names shared by the collaboration server and the briefing editor: the path, the room of a briefing, the parts of its shared document.
/** Where the collaboration server answers WebSocket upgrades, on the app's own port. */
export const COLLAB_PATH = "/collab";

/** The XML fragment of the shared document holding the editor's content (Tiptap Collaboration's default). */
export const BRIEFING_FRAGMENT = "default";

/** The map of the shared document holding what the draft is based on and when it was last saved. */
export const BRIEFING_META = "briefing";

/** What the draft's meta map holds. */
export interface BriefingDraftMeta {
  /** The version the draft started from. */
  baseVersionId: string;
  /** The last version saved from the draft: number and who saved it. */
  saved?: { versionId: string; number: number; by: string };
}

/** A document id: a UUID, as the database makes them. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The room of a briefing's draft: `briefing:<document id>`. */
export function briefingRoom(documentId: string): string {
  return `briefing:${documentId}`;
}

/** The document id of a room name, or null when the name is not a briefing's room. */
export function documentIdOfRoom(name: string): string | null {
  const match = /^briefing:(.+)$/.exec(name);
  // No zod here: this module is also in the browser's bundle, where zod's eval probe breaks the CSP.
  return match && UUID.test(match[1]) ? match[1] : null;
}
