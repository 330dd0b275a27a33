// Validates an annotation body: Tiptap JSON limited to the nodes and marks Attest renders.
import { z } from "zod";
import { isSafeRichTextHref, type RichTextNode } from "@/core/rich-text/rich-text-node.ts";

/** Largest body, in characters of its JSON. */
export const MAX_BODY_JSON = 50_000;

const mark = z.discriminatedUnion("type", [
  z.object({ type: z.literal("bold") }).strict(),
  z.object({ type: z.literal("italic") }).strict(),
  z.object({ type: z.literal("code") }).strict(),
  z
    .object({
      type: z.literal("link"),
      attrs: z.object({ href: z.string().max(2048).refine(isSafeRichTextHref, "Links may only be http, https or mailto.") }).passthrough(),
    })
    .transform(({ type, attrs }) => ({ type, attrs: { href: attrs.href } })),
]);

const node: z.ZodType<RichTextNode> = z.lazy(() =>
  z.discriminatedUnion("type", [
    z.object({ type: z.literal("doc"), content: z.array(node).max(500).optional() }),
    z.object({ type: z.literal("paragraph"), content: z.array(node).max(2000).optional() }),
    z.object({ type: z.literal("bulletList"), content: z.array(node).max(500).optional() }),
    z.object({ type: z.literal("orderedList"), attrs: z.object({ start: z.int().min(0).max(100_000).optional() }).optional(), content: z.array(node).max(500).optional() }),
    z.object({ type: z.literal("listItem"), content: z.array(node).max(500).optional() }),
    z.object({ type: z.literal("hardBreak") }),
    z.object({ type: z.literal("mention"), attrs: z.object({ id: z.string().min(1).max(100), label: z.string().min(1).max(200) }) }),
    z.object({ type: z.literal("text"), text: z.string().min(1).max(MAX_BODY_JSON), marks: z.array(mark).max(4).optional() }),
  ]),
) as z.ZodType<RichTextNode>;

/** A whole annotation body: a `doc` node with some text in it. */
export const annotationBodySchema = z
  .custom<unknown>((value) => JSON.stringify(value ?? null).length <= MAX_BODY_JSON, "The note is too long.")
  .pipe(node)
  .refine((doc) => doc.type === "doc", "A note must be a document.");
