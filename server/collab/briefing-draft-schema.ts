// The ProseMirror schema of the briefing draft on the server, built once from the editor's own extensions.
import { getSchema } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { briefingExtensions } from "@/core/briefing/briefing-extensions.ts";

let schema: Schema | null = null;

/** The schema the browser edits the draft with (same nodes and marks). */
export function briefingDraftSchema(): Schema {
  schema ??= getSchema(briefingExtensions());
  return schema;
}
