// The manifest of an example dossier shipped in examples/, validated at the boundary.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/** The examples folder shipped with the project. */
export const examplesDir = path.resolve(import.meta.dirname, "..", "..", "examples");

/** A blog post (or other page) with a briefing pasted into it. */
export const exampleManifestSchema = z.object({
  /** The dossier's title. */
  title: z.string().min(1),
  /** The file, next to the manifest, holding the post as published. */
  file: z.string().min(1),
  /** The post in its author's own words. */
  source: z.object({
    title: z.string().min(1),
    author: z.string().min(1).optional(),
    originUrl: z.url().optional(),
    format: z.enum(["text", "markdown", "html"]),
  }),
  /** The briefing pasted into the post: where it starts and ends, and where it came from. */
  briefing: z.object({
    title: z.string().min(1),
    startsAtLine: z.string().min(1),
    endsBeforeLine: z.string().min(1).optional(),
    provenance: z.string().min(1),
  }),
});

export type ExampleManifest = z.infer<typeof exampleManifestSchema>;

/** Reads and validates `examples/<name>/dossier.json`. */
export function readExampleManifest(name: string): ExampleManifest & { dir: string } {
  const dir = path.join(examplesDir, name);
  const manifest = exampleManifestSchema.parse(JSON.parse(readFileSync(path.join(dir, "dossier.json"), "utf8")));
  return { ...manifest, dir };
}
