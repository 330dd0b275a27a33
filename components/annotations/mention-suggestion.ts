// The @mention picker of the note editor: members whose name matches what follows "@", in a small list under the caret.
import type { MentionNodeAttrs } from "@tiptap/extension-mention";
import type { SuggestionOptions } from "@tiptap/suggestion";

/** A member who can be mentioned. */
export interface Mentionable {
  id: string;
  name: string;
}

type Item = { id: string; label: string };

/**
 * Suggestion settings for Tiptap's Mention extension over `members()` (read at each keystroke,
 * so the list can arrive after the editor). The list is plain DOM built with `textContent`.
 */
export function mentionSuggestion(members: () => readonly Mentionable[]): Omit<SuggestionOptions<Item, MentionNodeAttrs>, "editor"> {
  return {
    items: ({ query }) => {
      const q = query.toLowerCase();
      return members()
        .filter((m) => m.name.toLowerCase().includes(q))
        .slice(0, 8)
        .map((m) => ({ id: m.id, label: m.name }));
    },
    render: () => {
      let list: HTMLDivElement | null = null;
      let items: Item[] = [];
      let index = 0;
      let pick: (item: Item) => void = () => {};
      const draw = () => {
        if (!list) return;
        list.replaceChildren(
          ...items.map((item, i) => {
            const option = document.createElement("button");
            option.type = "button";
            option.setAttribute("role", "option");
            option.setAttribute("aria-selected", String(i === index));
            option.className = "mention-option";
            option.textContent = item.label;
            option.addEventListener("mousedown", (event) => {
              event.preventDefault();
              pick(item);
            });
            return option;
          }),
        );
        if (items.length === 0) list.textContent = "No member matches";
      };
      const place = (rect: (() => DOMRect | null) | null | undefined) => {
        const r = rect?.();
        if (!list || !r) return;
        list.style.left = `${Math.min(r.left, window.innerWidth - 240)}px`;
        list.style.top = `${r.bottom + 4}px`;
      };
      return {
        onStart: (props) => {
          list = document.createElement("div");
          list.setAttribute("role", "listbox");
          list.setAttribute("aria-label", "Members to mention");
          list.className = "mention-list";
          document.body.append(list);
          items = props.items;
          index = 0;
          pick = props.command;
          draw();
          place(props.clientRect);
        },
        onUpdate: (props) => {
          items = props.items;
          index = Math.min(index, Math.max(0, items.length - 1));
          pick = props.command;
          draw();
          place(props.clientRect);
        },
        onKeyDown: ({ event }) => {
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            if (items.length) index = (index + (event.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
            draw();
            return true;
          }
          if ((event.key === "Enter" || event.key === "Tab") && items[index]) {
            pick(items[index]);
            return true;
          }
          if (event.key === "Escape") {
            list?.remove();
            list = null;
            return true;
          }
          return false;
        },
        onExit: () => {
          list?.remove();
          list = null;
        },
      };
    },
  };
}
