// Reads whether a client takes a gzip-compressed body from its Accept-Encoding header.

/** Whether an Accept-Encoding header admits gzip, by name or as `*`, without `q=0`. Absent: no. */
export function acceptsGzip(header: string | null): boolean {
  return (header ?? "").split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return (coding === "gzip" || coding === "x-gzip" || coding === "*") && (q === undefined || Number(q.slice(2)) > 0);
  });
}
