// Where a stored annotation sits: the columns that say what it is about.

/** A span of a document version (with its selectors), a claim, a link, or the thread it replies to. */
export type AnnotationPlace = {
  target: "span" | "claim" | "link";
  parentId?: string;
  versionId?: string;
  exact?: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  end?: number;
  /** `changed` for a span placed by an import where the text differs from the exported quote. */
  anchorStatus?: "anchored" | "changed";
  claimId?: string;
  linkId?: string;
};
