// The `claim` mark of the briefing editor: a claim's id over its text, drawn as span[data-claim-id].
import { Mark, mergeAttributes } from "@tiptap/core";
import { CLAIM_MARK } from "./briefing-json.ts";

/** Options of the claim mark. */
export interface ClaimMarkOptions {
  /** Attributes every claim span gets (a class). */
  HTMLAttributes: Record<string, string>;
  /** The state a claim is drawn in (`data-state`); the document does not store it. */
  stateOf: (id: string) => string | undefined;
}

/**
 * A claim over a run of text. Claims may overlap (`excludes: ""`: a run can carry several claim
 * marks), and typing at a claim's end does not extend it (`inclusive: false`), so new words right
 * after a claim are new text, segmented into claims when the briefing is saved.
 */
export const ClaimMark = Mark.create<ClaimMarkOptions>({
  name: CLAIM_MARK,
  inclusive: false,
  excludes: "",

  addOptions() {
    return { HTMLAttributes: {}, stateOf: () => undefined };
  },

  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-claim-id"),
        renderHTML: (attributes) => ({ "data-claim-id": attributes.id as string }),
      },
    };
  },

  parseHTML() {
    return [{ tag: "span[data-claim-id]" }];
  },

  renderHTML({ mark, HTMLAttributes }) {
    const state = this.options.stateOf(mark.attrs.id as string);
    return ["span", mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, state ? { "data-state": state } : {}), 0];
  },
});
