// Shows a stored annotation body as React elements: no HTML strings anywhere, links only where their address is safe.
import type { ReactNode } from "react";
import type { RichTextMark, RichTextNode } from "@/core/rich-text/rich-text-node.ts";
import { sanitizeRichText } from "@/core/rich-text/sanitize-rich-text.ts";

/**
 * The body, whatever was stored: it is sanitised first (unknown nodes keep only their text,
 * unsafe links become plain text), then every string reaches the page as a React text child.
 */
export function RichTextView({ body, className }: { body: unknown; className?: string }) {
  const doc = sanitizeRichText(body);
  return <div className={className ?? "rich-text"}>{children(doc)}</div>;
}

function children(node: RichTextNode): ReactNode[] {
  return "content" in node && node.content ? node.content.map((child, i) => render(child, i)) : [];
}

function render(node: RichTextNode, key: number): ReactNode {
  switch (node.type) {
    case "doc":
      return <div key={key}>{children(node)}</div>;
    case "paragraph":
      return <p key={key}>{children(node)}</p>;
    case "bulletList":
      return <ul key={key}>{children(node)}</ul>;
    case "orderedList":
      return (
        <ol key={key} start={node.attrs?.start}>
          {children(node)}
        </ol>
      );
    case "listItem":
      return <li key={key}>{children(node)}</li>;
    case "hardBreak":
      return <br key={key} />;
    case "mention":
      return (
        <span key={key} className="mention" data-mention-id={node.attrs.id}>
          @{node.attrs.label}
        </span>
      );
    case "text":
      return <span key={key}>{(node.marks ?? []).reduceRight<ReactNode>((inner, mark) => wrap(mark, inner), node.text)}</span>;
  }
}

function wrap(mark: RichTextMark, inner: ReactNode): ReactNode {
  switch (mark.type) {
    case "bold":
      return <strong>{inner}</strong>;
    case "italic":
      return <em>{inner}</em>;
    case "code":
      return <code>{inner}</code>;
    case "link":
      return (
        <a href={mark.attrs.href} target="_blank" rel="noopener noreferrer nofollow ugc">
          {inner}
        </a>
      );
  }
}
