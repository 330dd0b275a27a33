// The Tiptap extensions a briefing is edited with: its schema, the same in the browser and on the collaboration server.
import type { AnyExtension } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { ClaimMark, type ClaimMarkOptions } from "./claim-mark.ts";

/**
 * StarterKit's blocks without the formatting a briefing version does not keep (bold, links…: left
 * out rather than silently lost), and the claim mark. Undo and redo are left to the shared
 * document's own history (Yjs), which undoes one's own changes only.
 */
export function briefingExtensions(claim: Partial<ClaimMarkOptions> = {}): AnyExtension[] {
  return [
    StarterKit.configure({ bold: false, italic: false, strike: false, code: false, underline: false, link: false, horizontalRule: false, undoRedo: false }),
    ClaimMark.configure(claim),
  ];
}
