// Looks up the stems related to a stem in WordNet (synonyms, derivations) and the base of an irregular form.
import { WORDNET_LINKS } from "./wordnet-links.ts";

/** How a related stem is linked to a claim's stem. */
export type RelationKind = "synonym" | "derivation";

/** A stem related to another, and how. */
export interface RelatedKey {
  key: string;
  kind: RelationKind;
}

interface Tables {
  keys: string[];
  groupsOf: string[];
  groups: string[];
  /** Irregular form → the stem of its base. */
  irregular: Map<string, string>;
  related: Map<string, readonly RelatedKey[]>;
}

let tables: Tables | undefined;

// Split on first use (a few milliseconds) and kept: the tables are the same for every task. Lines
// are decoded only for the stems a claim asks about.
function load(): Tables {
  if (tables) return tables;
  const irregular = new Map<string, string>();
  for (const line of WORDNET_LINKS.irregular.split("\n")) {
    const space = line.indexOf(" ");
    irregular.set(line.slice(0, space), line.slice(space + 1));
  }
  tables = {
    keys: WORDNET_LINKS.keys.split("\n"),
    groupsOf: WORDNET_LINKS.groupsOf.split("\n"),
    groups: WORDNET_LINKS.groups.split("\n"),
    irregular,
    related: new Map(),
  };
  return tables;
}

function find(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = keys[mid];
    if (at === key) return mid;
    if (at < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The stems related to `key` by a frequent WordNet sense ("wed" → "marry") or by derivation
 * ("marry" → "marriag", "mexican" → "mexico"); derivations first, each stem once, `key` itself never.
 */
export function relatedKeys(key: string): readonly RelatedKey[] {
  const t = load();
  let related = t.related.get(key);
  if (related) return related;
  const found = find(t.keys, key);
  const seen = new Set([key]);
  const derivations: RelatedKey[] = [];
  const synonyms: RelatedKey[] = [];
  if (found >= 0 && t.groupsOf[found]) {
    for (const id of t.groupsOf[found].split(",").map((n) => parseInt(n, 36))) {
      const kind: RelationKind = id < WORDNET_LINKS.synonymGroups ? "synonym" : "derivation";
      for (const member of t.groups[id].split(" ")) {
        const other = t.keys[parseInt(member, 36)];
        if (seen.has(other)) continue;
        seen.add(other);
        (kind === "derivation" ? derivations : synonyms).push({ key: other, kind });
      }
    }
  }
  related = [...derivations, ...synonyms];
  if (t.related.size > 100_000) t.related.clear();
  t.related.set(key, related);
  return related;
}

/** The stem of the base of an irregular form that is no word of its own ("went" → "go"), else undefined. */
export function irregularBaseKey(lower: string): string | undefined {
  return load().irregular.get(lower);
}
