// Where a Tiptap editor puts the caret once it is ready, without moving one the person already placed.
import type { Editor, FocusPosition } from "@tiptap/core";

/**
 * For an editor's `onCreate`: focuses `position` unless the editor already has the focus. An
 * editor is ready a moment after its text shows; someone who clicked or selected in it meanwhile
 * keeps their caret, and what they type goes where they put it.
 */
export function focusUnlessPlaced(position: FocusPosition): (props: { editor: Editor }) => void {
  return ({ editor }) => {
    if (!editor.view.hasFocus()) editor.commands.focus(position);
  };
}
