"use client";
// The dossier page: the briefing on the left, the sources in tabs on the right, and the one loop —
// pick a claim, see its evidence, judge it, next claim — one key or one click per step.
import { Tabs } from "radix-ui";
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import type { ClaimState } from "@/core/review/claim-state.ts";
import type { ClaimView, DossierView, LinkView } from "@/server/dossiers/get-dossier-or-throw.ts";
import { unpackDossierView, type PackedDossierView } from "@/server/dossiers/pack-dossier-view.ts";
import { PresenceStrip } from "./live/presence-strip.tsx";
import { useLiveDossier } from "./live/use-live-dossier.ts";
import { JobProgress } from "./jobs/job-progress.tsx";
import { AnnotationsPanel, AnnotationsToggle } from "./annotations/annotations-panel.tsx";
import { useAnnotations } from "./annotations/use-annotations.ts";
import { AttachSourceDialog, type AttachedSource } from "./reader/attach-source-dialog.tsx";
import type { QueuedImport } from "@/server/documents/queue-import.ts";
import { ExportMenu } from "./reader/export-menu.tsx";
import { ShareMenu } from "./reader/share-menu.tsx";
import { ClaimReviewSection } from "./review/claim-review-section.tsx";
import { BriefingBody } from "./reader/briefing-body.tsx";
import { BriefingEditor } from "./briefing-editor/briefing-editor.tsx";
import { linkKind, needsReview, STATE_LABEL } from "./reader/claim-words.ts";
import { CoverageBar } from "./reader/coverage-bar.tsx";
import { EvidencePanel } from "./reader/evidence-panel.tsx";
import { KeysSheet } from "./reader/keys-sheet.tsx";
import { withClaim, withLink, withoutLink } from "./reader/patch-dossier.ts";
import type { CardAction } from "./reader/quote-card.tsx";
import { sendJson, type ApiResult } from "./reader/send-json.ts";
import { SourceBody, type SourceMark } from "./reader/source-body.tsx";
import { SourceMinimap } from "./reader/source-minimap.tsx";
import { SpanPopover } from "./reader/span-popover.tsx";
import { useChosenText } from "./reader/use-chosen-text.ts";
import { FirstRunTour } from "./reader/first-run-tour.tsx";
import { flashPassage } from "./reader/flash-passage.ts";
import { usePlaceInAddress, type ReaderPlace } from "./reader/use-place-in-address.ts";
import { afterNextFrame } from "./reader/after-next-frame.ts";
import { useAfterNextFrame } from "./reader/use-after-next-frame.ts";


const NO_LINKS: LinkView[] = [];
/** Elements the active claim has marked, so the next change can unmark exactly them. */
interface Marked {
  claims: HTMLElement[];
  blocks: HTMLElement[];
  marks: HTMLElement[];
  sections: HTMLElement[];
}

/** The verdict V moves an accepted passage to. */
const NEXT_VERDICT: Record<string, CardAction> = { supports: "partial", partial: "contradicts", contradicts: "supports" };

const showable = (link: LinkView) => link.onLatestVersion && link.anchorStatus !== "orphaned";

/**
 * Briefing and sources side by side, with the evidence panel at the source column's edge.
 * `readOnly` (a published dossier) keeps reading and moving, and offers no change.
 */
export function DossierReader({
  dossier,
  readAt,
  readOnly = false,
  place,
  canEditBriefing = false,
}: {
  dossier: PackedDossierView;
  /** The server's time just before `dossier` was read: a job that ends after it is read again. */
  readAt?: string;
  readOnly?: boolean;
  place?: ReaderPlace;
  canEditBriefing?: boolean;
}) {
  const [view, setView] = useState(() => unpackDossierView(dossier));
  const [editing, setEditing] = useState(false);
  const [active, setActive] = useState<{ claimId: string; linkId: string | null } | null>(null);
  const [jump, setJump] = useState(0);
  const [tab, setTab] = useState(dossier.sources[0]?.id ?? "");
  const [filter, setFilter] = useState<ClaimState | null>(null);
  const [notice, setNotice] = useState<{ text: string; id: number } | null>(null);
  /** What screen readers are told after a change went through ("Accepted as supports", "Rejected"). */
  const [announcement, setAnnouncement] = useState("");
  const [query, setQuery] = useState("");
  const searchRef = useRef<HTMLInputElement>(null);
  /** The card to focus once the evidence panel shows it (set by the 1–9 keys). */
  const focusCardRef = useRef<string | null>(null);
  const [cardFocusTick, setCardFocusTick] = useState(0);
  const [panelOpen, setPanelOpen] = useState(true);
  const [keysOpen, setKeysOpen] = useState(false);
  const [attachOpen, setAttachOpen] = useState(false);
  const { chosen, read: readSelection, clear: clearChosen } = useChosenText(view.sources);
  const [popover, setPopover] = useState<{ anchor: HTMLElement; linkIds: string[] } | null>(null);
  const sourcesRef = useRef<HTMLDivElement>(null);
  const briefingRef = useRef<HTMLElement>(null);
  const focusClaimRef = useRef(false);
  /** Set when a change removes the focused control (a card that went away), so focus lands somewhere near. */
  const refocusRef = useRef(false);
  const handledJump = useRef(0);
  const inFlight = useRef(0);
  /** Changes started so far: a read that began before one of them is stale when it lands. */
  const changesStarted = useRef(0);
  const returnFocus = useRef<HTMLElement | null>(null);

  const briefing = view.briefings[0];
  const claimById = useMemo(() => new Map(view.claims.map((c) => [c.id, c])), [view.claims]);
  const linksByClaim = useMemo(() => {
    const map = new Map<string, LinkView[]>();
    for (const link of view.links) map.set(link.claimId, [...(map.get(link.claimId) ?? []), link]);
    return map;
  }, [view.links]);
  const briefingClaims = useMemo(
    () =>
      briefing
        ? view.claims.filter((c) => c.documentId === briefing.id).map((c) => ({ id: c.id, start: c.start, end: c.end, state: c.state }))
        : [],
    [view.claims, briefing],
  );
  // The claims a state filter and a search leave in full view; null when nothing narrows them.
  const searched = useDeferredValue(query.trim().toLowerCase());
  const shownIds = useMemo(() => {
    if (!filter && !searched) return null;
    return new Set(
      view.claims.filter((c) => (!filter || c.state === filter) && (!searched || c.text.toLowerCase().includes(searched))).map((c) => c.id),
    );
  }, [filter, searched, view.claims]);
  const marksBySource = useMemo(() => {
    const map = new Map<string, { marks: SourceMark[]; signature: string; count: number }>();
    for (const s of view.sources) map.set(s.id, { marks: [], signature: "", count: 0 });
    for (const link of view.links) {
      const entry = map.get(link.documentId);
      if (!entry) continue;
      entry.count++;
      if (showable(link)) entry.marks.push({ id: link.id, start: link.start, end: link.end, kind: linkKind(link) });
    }
    for (const entry of map.values()) entry.signature = entry.marks.map((m) => `${m.id}:${m.start}:${m.end}:${m.kind}`).join("|");
    return map;
  }, [view.links, view.sources]);

  const activeClaim = active ? (claimById.get(active.claimId) ?? null) : null;
  const activeLinks = (active && linksByClaim.get(active.claimId)) || NO_LINKS;
  const activeLink = activeLinks.find((l) => l.id === active?.linkId) ?? activeLinks[0] ?? null;
  // The panel follows once the highlight and the scroll are on screen, so a jump never waits for its cards.
  const activeLinkId = activeLink?.id ?? null;
  const panel = useAfterNextFrame(useMemo(() => ({ claim: activeClaim, links: activeLinks, linkId: activeLinkId }), [activeClaim, activeLinks, activeLinkId]));

  const say = useCallback((text: string) => setNotice({ text, id: Date.now() }), []);
  const notes = useAnnotations(view.id, { enabled: !readOnly, say });
  // A new object each time, so the same words are announced again after a second change.
  const announce = useCallback((text: string) => setAnnouncement((prev) => (prev === text ? `${text}\u00a0` : text)), []);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 6000);
    return () => clearTimeout(timer);
  }, [notice]);

  /** Makes a claim active and shows one of its passages (the first, or `linkId`). */
  const select = useCallback(
    (claimId: string, linkId?: string | null) => {
      const links = linksByClaim.get(claimId) ?? [];
      const link = (linkId ? links.find((l) => l.id === linkId) : undefined) ?? links[0];
      setActive({ claimId, linkId: link?.id ?? null });
      if (link && showable(link)) setTab(link.documentId);
      setJump((j) => j + 1);
      setPopover(null);
    },
    [linksByClaim],
  );

  usePlaceInAddress(place, {
    hasClaim: (id) => claimById.has(id),
    hasSource: (id) => view.sources.some((s) => s.id === id),
    selectClaim: (id) => ((focusClaimRef.current = true), select(id)),
    showSource: setTab,
  });

  const jumpToLink = useCallback(
    (linkId: string) => {
      const link = view.links.find((l) => l.id === linkId);
      if (link) select(link.claimId, link.id);
    },
    [select, view.links],
  );

  // Marking the active claim and passage is a class change; the texts are not rendered again. Only
  // the elements marked last time are unmarked, and a link's marks are found through an index of
  // the source's marks, so a jump never searches the whole 1 MB of markup.
  const markedRef = useRef<Marked>({ claims: [], blocks: [], marks: [], sections: [] });
  const cancelFlashRef = useRef<() => void>(() => {});
  const markIndexRef = useRef<{ key: unknown; byLink: Map<string, HTMLElement[]> } | null>(null);
  /** The marks drawing `linkId` in the sources, from an index rebuilt when the sources' markup changes. */
  const marksOf = useCallback(
    (linkId: string): HTMLElement[] => {
      const sources = sourcesRef.current;
      if (!sources) return [];
      let index = markIndexRef.current;
      if (!index || index.key !== marksBySource || index.byLink.get(linkId)?.some((m) => !m.isConnected)) {
        const byLink = new Map<string, HTMLElement[]>();
        for (const mark of sources.querySelectorAll<HTMLElement>("mark[data-links]")) {
          for (const id of mark.dataset.links!.split(" ")) {
            const list = byLink.get(id);
            if (list) list.push(mark);
            else byLink.set(id, [mark]);
          }
        }
        index = markIndexRef.current = { key: marksBySource, byLink };
      }
      return index.byLink.get(linkId) ?? [];
    },
    [marksBySource],
  );
  // The index is built while the browser is idle after the page opens, not on the first jump.
  useEffect(() => {
    const build = () => void marksOf("");
    if (typeof requestIdleCallback === "undefined") return void setTimeout(build, 200);
    const id = requestIdleCallback(build, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }, [marksOf]);
  useLayoutEffect(() => {
    const sources = sourcesRef.current;
    const briefingPane = briefingRef.current;
    const marked = markedRef.current;
    for (const el of marked.claims) {
      el.classList.remove("is-active");
      el.removeAttribute("aria-current");
    }
    for (const el of marked.blocks) el.classList.remove("has-active-claim");
    for (const el of marked.marks) el.classList.remove("is-active");
    for (const el of marked.sections) el.classList.remove("has-active-mark");
    markedRef.current = { claims: [], blocks: [], marks: [], sections: [] };
    if (!active) return;
    const claimEls = [...(briefingPane?.querySelectorAll<HTMLElement>(`[data-claim-id="${active.claimId}"]`) ?? [])];
    const claimEl = claimEls[0];
    const blocks: HTMLElement[] = [];
    for (const el of claimEls) {
      el.classList.add("is-active");
      el.setAttribute("aria-current", "true");
      // The block's left rule is a class too: a :has() selector would be re-matched on every change.
      if (el.parentElement) {
        el.parentElement.classList.add("has-active-claim");
        blocks.push(el.parentElement);
      }
    }
    markedRef.current = { claims: claimEls, blocks, marks: [], sections: [] };
    if (refocusRef.current) {
      refocusRef.current = false;
      if (!document.activeElement || document.activeElement === document.body) {
        const card = document.querySelector<HTMLElement>('[data-pane="evidence"] [aria-current="true"] button');
        (card ?? claimEl)?.focus({ preventScroll: true });
      }
    }
    if (focusClaimRef.current && claimEl) {
      focusClaimRef.current = false;
      claimEl.focus({ preventScroll: true });
      claimEl.scrollIntoView({ block: "nearest" });
    }
    if (!activeLink || !showable(activeLink) || !sources) return;
    const marks = marksOf(activeLink.id);
    for (const mark of marks) mark.classList.add("is-active");
    markedRef.current.marks = marks;
    // The sections holding the active span stay rendered, so it keeps its text and place even
    // when the markup around it is rebuilt while it is off screen.
    const sections = [...new Set(marks.map((m) => m.closest<HTMLElement>(".reading-section")).filter((el) => el !== null))];
    for (const el of sections) el.classList.add("has-active-mark");
    markedRef.current.sections = sections;
    if (handledJump.current === jump || marks.length === 0) return;
    handledJump.current = jump;
    marks[0].scrollIntoView({ block: "center" });
    const pane = marks[0].closest<HTMLElement>("[data-source-scroll]");
    // The pulse starts on the frame after the one that shows the passage: measuring the passage
    // for its ring would otherwise lay the pane out again before that first frame.
    cancelFlashRef.current();
    if (pane && !window.matchMedia("(prefers-reduced-motion: reduce)").matches) cancelFlashRef.current = afterNextFrame(() => flashPassage(marks, pane));
  }, [active, activeLink, jump, view, shownIds, editing, marksOf]);

  // A card chosen with 1–9 takes the focus once the panel has drawn it.
  useEffect(() => {
    const id = focusCardRef.current;
    if (!id || panel.linkId !== id) return;
    const card = document.querySelector<HTMLElement>(`[data-pane="evidence"] article[data-link-id="${id}"] button`);
    if (!card) return;
    focusCardRef.current = null;
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: "nearest" });
  }, [panel, panelOpen, cardFocusTick]);

  const refresh = useCallback(async () => {
    const since = changesStarted.current;
    const result = await sendJson<DossierView>("GET", `/api/v1/dossiers/${view.id}`);
    if (result.ok && inFlight.current === 0 && changesStarted.current === since) setView(result.data);
    return result;
  }, [view.id]);
  const viewers = useLiveDossier(readOnly ? null : view.id, active?.claimId ?? null, refresh);

  /** Runs one change against the server: applied at once, kept, adjusted or rolled back by `settle`. */
  const mutate = useCallback(
    async <T,>(apply: (v: DossierView) => DossierView, call: () => Promise<ApiResult<T>>, settle: (result: ApiResult<T>) => void) => {
      setView(apply);
      inFlight.current++;
      changesStarted.current++;
      const result = await call();
      inFlight.current--;
      settle(result);
      if (inFlight.current === 0) void refresh();
    },
    [refresh],
  );

  const decide = useCallback(
    (link: LinkView, action: CardAction) => {
      if (link.id.startsWith("pending-")) return;
      const links = linksByClaim.get(link.claimId) ?? [];
      const i = links.findIndex((l) => l.id === link.id);
      const neighbour = links[i + 1]?.id ?? links[i - 1]?.id ?? null;
      refocusRef.current = true;
      if (action === "undo" && link.origin === "manual") {
        setActive((a) => (a && a.linkId === link.id ? { ...a, linkId: neighbour } : a));
        void mutate(
          (v) => withoutLink(v, link.id),
          () => sendJson("DELETE", `/api/v1/links/${link.id}`, { revision: link.revision }),
          (r) => {
            if (r.ok) return announce("Unlinked");
            setView((v) => withLink(v, link));
            say(r.error.message);
          },
        );
        return;
      }
      if (action === "undo" && link.state !== "accepted") return say("Nothing to undo on this passage.");
      const body =
        action === "reject"
          ? { state: "rejected" as const }
          : action === "undo"
            ? { state: "suggested" as const }
            : { state: "accepted" as const, verdict: action };
      const next: LinkView = { ...link, state: body.state, verdict: body.state === "accepted" ? body.verdict : null };
      if (action === "reject") setActive((a) => (a && a.linkId === link.id ? { ...a, linkId: neighbour } : a));
      void mutate(
        (v) => withLink(v, next),
        () => sendJson<LinkView>("POST", `/api/v1/links/${link.id}/decision`, { ...body, revision: link.revision }),
        (r) => {
          if (r.ok) {
            setView((v) => withLink(v, r.data));
            return announce(action === "reject" ? "Rejected" : action === "undo" ? "Decision undone" : `Accepted as ${action === "partial" ? "partly supports" : action}`);
          }
          const current = r.error.status === 409 ? (r.error.details as { link?: LinkView } | undefined)?.link : undefined;
          setView((v) => withLink(v, current ?? link));
          say(r.error.message);
        },
      );
    },
    [announce, linksByClaim, mutate, say],
  );

  const linkChosen = useCallback(() => {
    if (!chosen) return say("Select a passage in a source first, then press l.");
    if (!active) return say("Pick a claim first, then select its evidence in a source.");
    const source = view.sources.find((s) => s.id === chosen.documentId);
    if (!source) return;
    const pending: LinkView = {
      id: `pending-${Date.now()}`,
      claimId: active.claimId,
      documentId: source.id,
      versionId: source.versionId,
      onLatestVersion: true,
      start: chosen.start,
      end: chosen.end,
      exact: source.text.slice(chosen.start, chosen.end),
      origin: "manual",
      state: "accepted",
      verdict: "supports",
      score: null,
      rank: null,
      anchorStatus: "anchored",
      previousExact: null,
      checks: null,
      revision: 1,
    };
    clearChosen();
    setActive({ claimId: active.claimId, linkId: pending.id });
    void mutate(
      (v) => withLink(v, pending),
      () => sendJson<LinkView>("POST", `/api/v1/claims/${active.claimId}/links`, { versionId: source.versionId, start: pending.start, end: pending.end }),
      (r) => {
        if (r.ok) {
          setView((v) => withLink(withoutLink(v, pending.id), r.data));
          setActive((a) => (a && a.linkId === pending.id ? { ...a, linkId: r.data.id } : a));
          return announce("Linked");
        }
        setView((v) => withoutLink(v, pending.id));
        say(r.error.message);
      },
    );
  }, [active, announce, chosen, clearChosen, mutate, say, view.sources]);

  const adjustChosen = useCallback(() => {
    const link = activeLink;
    if (!chosen || !link || link.documentId !== chosen.documentId || link.id.startsWith("pending-")) return;
    const source = view.sources.find((s) => s.id === chosen.documentId)!;
    const next: LinkView = { ...link, start: chosen.start, end: chosen.end, exact: source.text.slice(chosen.start, chosen.end), versionId: source.versionId, onLatestVersion: true, anchorStatus: "anchored" };
    clearChosen();
    void mutate(
      (v) => withLink(v, next),
      () => sendJson<LinkView>("PATCH", `/api/v1/links/${link.id}`, { start: next.start, end: next.end, revision: link.revision }),
      (r) => {
        if (r.ok) {
          setView((v) => withLink(v, r.data));
          return announce("Ends adjusted");
        }
        const current = r.error.status === 409 ? (r.error.details as { link?: LinkView } | undefined)?.link : undefined;
        setView((v) => withLink(v, current ?? link));
        say(r.error.message);
      },
    );
  }, [activeLink, announce, chosen, clearChosen, mutate, say, view.sources]);

  /** Sets the active claim's review state: "not in sources", or reopened (a verdict is never simply erased). */
  // Read through a ref, so the evidence panel's callbacks stay the same from one jump to the next.
  const activeClaimRef = useRef(activeClaim);
  activeClaimRef.current = activeClaim;
  const setReview = useCallback(
    (next: "not_in_sources" | "in_review") => {
      const activeClaim = activeClaimRef.current;
      if (!activeClaim) return;
      const { id, reviewState, revision } = activeClaim;
      void mutate(
        (v) => withClaim(v, id, { reviewState: next }),
        () => sendJson<{ revision: number }>("POST", `/api/v1/claims/${id}/review`, { reviewState: next, revision }),
        (r) => {
          if (r.ok) {
            setView((v) => withClaim(v, id, { revision: r.data.revision }));
            return announce(next === "not_in_sources" ? "Marked not in sources" : "Reopened");
          }
          setView((v) => withClaim(v, id, { reviewState, revision }));
          say(r.error.message);
        },
      );
    },
    [announce, mutate, say],
  );

  const onAttached = useCallback(
    async (source: AttachedSource | QueuedImport) => {
      if ("queued" in source) {
        say("The source is being imported in the background: its progress shows above the reader, and it appears when it is ready.");
        return;
      }
      say(
        source.jobId
          ? "Source attached; suggestions are being computed in the background and appear as they land."
          : `Source attached; ${source.suggested} suggestion${source.suggested === 1 ? "" : "s"} found.`,
      );
      const result = await refresh();
      if (result.ok) setTab(source.documentId);
    },
    [refresh, say],
  );

  /** Moves to the next (`dir` 1) or previous claim shown, optionally only those matching `only`. */
  const move = useCallback(
    (dir: 1 | -1, only?: (c: ClaimView) => boolean) => {
      const order = view.claims.filter((c) => c.documentId === briefing?.id && (!shownIds || shownIds.has(c.id)));
      if (order.length === 0) return;
      const at = active ? order.findIndex((c) => c.id === active.claimId) : -1;
      for (let step = 1; step <= order.length; step++) {
        const i = at === -1 ? (dir === 1 ? step - 1 : order.length - step) : (at + dir * step + order.length * 2) % order.length;
        const claim = order[i];
        if (!only || only(claim)) {
          focusClaimRef.current = true;
          return select(claim.id);
        }
      }
      say("Every claim has been reviewed.");
    },
    [active, briefing?.id, shownIds, say, select, view.claims],
  );

  const step = useCallback(
    (dir: 1 | -1) => {
      if (!active || activeLinks.length === 0) return;
      const i = Math.max(0, activeLinks.findIndex((l) => l.id === activeLink?.id));
      select(active.claimId, activeLinks[(i + dir + activeLinks.length) % activeLinks.length].id);
    },
    [active, activeLink, activeLinks, select],
  );

  /** Chooses the active claim's `n`-th candidate (from 1): shows it in the source and focuses its card. */
  const choose = useCallback(
    (n: number) => {
      if (!active) return say("Pick a claim first (j).");
      const link = activeLinks[n - 1];
      if (!link) return say(activeLinks.length === 0 ? "This claim has no passage yet; select one in a source and press L." : `This claim has ${activeLinks.length} passage${activeLinks.length === 1 ? "" : "s"}.`);
      focusCardRef.current = link.id;
      setCardFocusTick((t) => t + 1);
      setPanelOpen(true);
      select(active.claimId, link.id);
    },
    [active, activeLinks, say, select],
  );

  const openDialog = (open: (value: boolean) => void) => {
    returnFocus.current = document.activeElement as HTMLElement | null;
    open(true);
  };
  const showActiveLink = useCallback((linkId: string) => {
    const claim = activeClaimRef.current;
    if (claim) select(claim.id, linkId);
  }, [select]);
  const openAttach = useCallback(() => {
    returnFocus.current = document.activeElement as HTMLElement | null;
    setAttachOpen(true);
  }, []);
  const closePanel = useCallback(() => setPanelOpen(false), []);
  const restoreFocus = (event: Event) => {
    event.preventDefault();
    const target = returnFocus.current;
    const fallback = (active && briefingRef.current?.querySelector<HTMLElement>(`[data-claim-id="${active.claimId}"]`)) || briefingRef.current;
    (target && target.isConnected && target !== document.body ? target : fallback)?.focus({ preventScroll: true });
  };

  // Keys of the review loop; ignored while typing or while a dialog is open.
  const keys = useRef<(event: globalThis.KeyboardEvent) => void>(() => {});
  keys.current = (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || keysOpen || attachOpen) return;
    const target = event.target as HTMLElement | null;
    if (target?.closest("input, textarea, select, [contenteditable='true'], [role='dialog']")) return;
    const key = event.key.length === 1 && /[a-z]/i.test(event.key) ? event.key.toLowerCase() : event.key;
    const changes = ["a", "r", "v", "u", "l", "n"];
    if (key === "j") move(1);
    else if (key === "k") move(-1);
    else if (key === "]") move(1, (c) => needsReview(c, linksByClaim.get(c.id) ?? []));
    else if (key === "[") move(-1, (c) => needsReview(c, linksByClaim.get(c.id) ?? []));
    else if (/^[1-9]$/.test(key)) choose(Number(key));
    else if (key === "/") {
      searchRef.current?.focus();
      searchRef.current?.select();
    } else if (readOnly && changes.includes(key)) return;
    else if (key === "u" && !activeLink && activeClaim?.reviewState === "not_in_sources") setReview("in_review");
    else if (key === "a" || key === "r" || key === "v" || key === "u") {
      if (!activeLink) return say(active ? "This claim has no passage to judge; select one in a source and press L." : "Pick a claim first (j).");
      if (key === "a") {
        if (activeLink.state === "accepted" && activeLink.verdict === "supports") announce("Already accepted as supports");
        else decide(activeLink, "supports");
      } else if (key === "r") decide(activeLink, "reject");
      else if (key === "u") decide(activeLink, "undo");
      else if (activeLink.state !== "accepted") say("Accept the passage first (A); then V sets its verdict.");
      else decide(activeLink, NEXT_VERDICT[activeLink.verdict ?? "supports"] ?? "supports");
    } else if (key === "l") linkChosen();
    else if (key === "n") notes.annotate(chosen, active?.claimId ?? null);
    else if (key === "?") openDialog(setKeysOpen);
    else if (key === "e") setPanelOpen((o) => !o);
    else if (key === "Escape") {
      if (popover) setPopover(null);
      else if (chosen) clearChosen();
      else if (filter) setFilter(null);
      else if (query) setQuery("");
      else return;
    } else return;
    event.preventDefault();
  };
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => keys.current(event);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  const onReviewChange = useCallback((id: string, patch: { reviewState: string; revision: number }) => setView((v) => withClaim(v, id, patch)), []);


  const onBriefingClick = (event: MouseEvent) => {
    const claim = (event.target as HTMLElement).closest<HTMLElement>("[data-claim-id]");
    if (!claim) return;
    const id = claim.dataset.claimId!;
    if (active?.claimId === id) step(1);
    else select(id);
  };
  const onBriefingKey = (event: KeyboardEvent) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    const claim = (event.target as HTMLElement).closest<HTMLElement>("[data-claim-id]");
    if (!claim) return;
    event.preventDefault();
    const id = claim.dataset.claimId!;
    if (active?.claimId !== id) return select(id);
    setPanelOpen(true);
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-pane="evidence"] [aria-current="true"] button, [data-pane="evidence"] button')?.focus());
  };
  const onSourceClick = (event: MouseEvent) => {
    if (!window.getSelection()?.isCollapsed) return;
    const mark = (event.target as HTMLElement).closest<HTMLElement>("mark[data-links]");
    if (mark) setPopover({ anchor: mark, linkIds: mark.dataset.links!.split(" ") });
  };

  const onFilter = (state: ClaimState | null) => {
    setFilter(state);
    if (state && activeClaim && activeClaim.state !== state && briefingRef.current?.contains(document.activeElement)) briefingRef.current.focus();
  };

  const popoverLinks = popover ? popover.linkIds.map((id) => view.links.find((l) => l.id === id)).filter((l): l is LinkView => !!l) : [];
  const canAdjust = !!(chosen && activeLink && activeLink.documentId === chosen.documentId && activeLink.state === "accepted" && !activeLink.id.startsWith("pending-"));

  return (
    <div className="reader flex flex-col lg:h-[calc(100vh-3rem)]" data-panel={panelOpen ? "open" : "closed"}>
      {view.isExample ? <FirstRunTour readOnly={readOnly} /> : null}
      {readOnly ? null : <JobProgress dossierId={view.id} version={view} readAt={readAt} onEnded={refresh} />}
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2 border-b border-rule bg-panel px-5 py-2.5">
        <div className="min-w-0 flex-1 xl:max-w-[28rem] xl:flex-none">
          <h1 className="truncate text-base font-semibold tracking-tight">{view.title}</h1>
          {briefing?.provenance ? <p className="truncate text-xs text-muted">Briefing: {briefing.provenance}</p> : null}
        </div>
        <div className="order-last w-full xl:order-none xl:w-auto xl:min-w-[20rem] xl:flex-1">
          <CoverageBar coverage={view.coverage} filter={filter} onFilter={onFilter} />
        </div>
        <div className="flex shrink-0 items-center gap-2">
          <PresenceStrip viewers={viewers} claimText={(id) => claimById.get(id)?.text} onFollow={(id) => select(id)} />
          <input
            ref={searchRef}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Escape") {
                e.preventDefault();
                setQuery("");
                briefingRef.current?.focus({ preventScroll: true });
              } else if (e.key === "Enter") {
                e.preventDefault();
                const first = view.claims.find((c) => c.documentId === briefing?.id && (!shownIds || shownIds.has(c.id)));
                if (!first) return say("No claim matches.");
                focusClaimRef.current = true;
                select(first.id);
              }
            }}
            aria-label="Search the briefing’s claims"
            aria-keyshortcuts="/"
            placeholder="Search claims  /"
            className="w-44 rounded border border-rule bg-bg px-2 py-1 text-sm placeholder:text-muted"
            data-claim-search
          />
          {readOnly ? (
            <span className="text-xs text-muted">Read only</span>
          ) : (
            <>
              <button type="button" onClick={() => openDialog(setAttachOpen)} className="rounded border border-rule px-2.5 py-1 text-sm hover:border-accent hover:bg-accent-soft">
                Attach a source
              </button>
              <ExportMenu dossierId={view.id} />
              <ShareMenu dossierId={view.id} publishedPath={view.publishedPath} />
              <a href={`/dossiers/${view.id}/review`} className="rounded border border-rule px-2.5 py-1 text-sm hover:border-accent hover:bg-accent-soft">
                Review desk
              </a>
            </>
          )}
          <AnnotationsToggle notes={notes} />
          <button type="button" onClick={() => openDialog(setKeysOpen)} className="rounded border border-rule px-2 py-1 text-sm hover:border-accent hover:bg-accent-soft" aria-keyshortcuts="?">
            Keys <kbd className="text-muted">?</kbd>
          </button>
        </div>
      </div>
      <div className="flex min-h-0 flex-1 flex-col lg:flex-row">
        <section
          ref={briefingRef}
          aria-label="Briefing"
          tabIndex={-1}
          className="h-[55vh] min-h-0 overflow-y-auto border-rule px-6 py-5 outline-none lg:h-auto lg:w-[40%] lg:border-r"
          data-pane="briefing"
          onClick={onBriefingClick}
          onKeyDown={onBriefingKey}
        >
          <p className="mb-4 flex items-center gap-2 text-xs font-semibold uppercase tracking-wider text-muted">
            Briefing · {view.claims.length} claims
            {readOnly || !briefing ? null : (
              <a href={`/documents/${briefing.id}/new-version`} className="font-normal normal-case tracking-normal text-accent underline">
                New version
              </a>
            )}
            {canEditBriefing && !readOnly && briefing && !editing ? (
              <button type="button" onClick={() => setEditing(true)} className="font-normal normal-case tracking-normal text-accent underline" data-edit-briefing>
                Edit briefing
              </button>
            ) : null}
            {filter ? (
              <button type="button" onClick={() => onFilter(null)} className="rounded bg-accent-soft px-1.5 py-0.5 normal-case tracking-normal text-ink">
                Showing {STATE_LABEL[filter].label.toLowerCase()} ({view.coverage[filter]}) · clear ×
              </button>
            ) : null}
            {searched ? (
              <button type="button" onClick={() => setQuery("")} className="rounded bg-accent-soft px-1.5 py-0.5 normal-case tracking-normal text-ink" data-search-count>
                {shownIds?.size ?? 0} matching “{query.trim()}” · clear ×
              </button>
            ) : null}
          </p>
          {briefing && editing ? (
            <BriefingEditor
              {...{ documentId: briefing.id, versionId: briefing.versionId, text: briefing.text, blocks: briefing.blocks, claims: briefingClaims }}
              onCancel={() => setEditing(false)}
              onSaved={async (summary) => {
                await refresh();
                setEditing(false);
                say(summary);
              }}
            />
          ) : briefing ? (
            <div data-briefing-text={briefing.id}>
              <BriefingBody text={briefing.text} blocks={briefing.blocks} claims={briefingClaims} shownIds={shownIds} />
            </div>
          ) : (
            <p className="text-muted">This dossier has no briefing yet.</p>
          )}
        </section>
        <section aria-label="Sources" className="relative flex h-[80vh] min-h-0 flex-col lg:h-auto lg:w-[60%] xl:flex-row" data-pane="sources">
          <div ref={sourcesRef} className="flex min-h-0 min-w-0 flex-1 flex-col" onClick={onSourceClick} onMouseUp={readSelection} onKeyUp={readSelection}>
            {view.sources.length === 0 ? (
              <div className="px-6 py-6 text-muted">
                <p>No source is attached yet.</p>
                {readOnly ? null : (
                <button type="button" onClick={() => openDialog(setAttachOpen)} className="mt-3 rounded bg-accent px-2.5 py-1 text-sm font-medium text-[var(--panel)]">
                  Attach a source
                </button>
                )}
              </div>
            ) : (
              <Tabs.Root value={tab} onValueChange={setTab} className="flex min-h-0 flex-1 flex-col">
                <Tabs.List aria-label="Sources" className="flex gap-1 overflow-x-auto border-b border-rule bg-panel px-4">
                  {view.sources.map((s) => {
                    const count = marksBySource.get(s.id)?.count ?? 0;
                    return (
                      <Tabs.Trigger
                        key={s.id}
                        value={s.id}
                        data-source-tab={s.id}
                        className="flex max-w-[18rem] shrink-0 items-center gap-1.5 border-b-2 border-transparent px-3 py-2 text-sm text-muted data-[state=active]:border-accent data-[state=active]:text-ink"
                      >
                        <span className="truncate">{s.title}</span>
                        <span className="rounded-full bg-accent-soft px-1.5 text-xs tabular-nums text-ink" aria-label={`${count} link${count === 1 ? "" : "s"}`}>
                          {count}
                        </span>
                      </Tabs.Trigger>
                    );
                  })}
                </Tabs.List>
                {view.sources.map((s) => {
                  const entry = marksBySource.get(s.id) ?? { marks: [], signature: "", count: 0 };
                  return (
                    <Tabs.Content key={s.id} value={s.id} forceMount className="flex min-h-0 flex-1 outline-none data-[state=inactive]:hidden">
                      <div
                        className="source-scroll min-h-0 flex-1 overflow-y-auto px-8 py-6"
                        data-source-scroll={s.id}
                        role="region"
                        aria-label={`Text of ${s.title}`}
                        tabIndex={0}
                      >
                        <p className="mb-4 text-xs font-semibold uppercase tracking-wider text-muted">
                          Source{s.author ? ` · ${s.author}` : ""}
                          {s.versionNumber > 1 ? ` · version ${s.versionNumber}` : ""}
                          {readOnly ? null : (
                            <a href={`/documents/${s.id}/new-version`} className="ml-3 font-normal normal-case tracking-normal text-accent underline">
                              New version
                            </a>
                          )}
                        </p>
                        <div data-source-text={s.id}>
                          <SourceBody text={s.text} blocks={s.blocks} marks={entry.marks} signature={entry.signature} />
                        </div>
                      </div>
                      <SourceMinimap length={s.text.length} marks={entry.marks} onJump={jumpToLink} />
                    </Tabs.Content>
                  );
                })}
              </Tabs.Root>
            )}
          </div>
          {panelOpen ? (
            <div className="evidence-dock fixed inset-x-0 bottom-0 z-30 flex max-h-[42vh] flex-col border-t border-rule bg-panel shadow-[0_-6px_20px_rgba(0,0,0,0.12)] lg:left-[40%] xl:static xl:z-auto xl:max-h-none xl:w-[22rem] xl:shrink-0 xl:border-l xl:border-t-0 xl:shadow-none">
              <EvidencePanel
                claim={panel.claim}
                links={panel.links}
                activeLinkId={panel.linkId}
                readOnly={readOnly}
                sources={view.sources}
                onShowLink={showActiveLink}
                onAction={decide}
                onAttach={openAttach}
                onReview={setReview}
                onClose={closePanel}
              />
              {panel.claim && !readOnly ? <ClaimReviewSection dossierId={view.id} claim={panel.claim} onChange={onReviewChange} /> : null}
            </div>
          ) : null}
          <AnnotationsPanel notes={notes} dossier={view} onShowClaim={(claimId, linkId) => select(claimId, linkId)} onShowSource={setTab} />
        </section>
      </div>
      {chosen && !readOnly ? (
        <div
          className="fixed z-30 flex gap-1 rounded-md border border-rule bg-panel p-1 shadow-lg"
          style={{ left: Math.min(chosen.x, (typeof window === "undefined" ? 1280 : window.innerWidth) - 260), top: chosen.y + 8 }}
          onMouseDown={(e) => e.preventDefault()}
          data-floating="link"
        >
          {active ? (
            <>
              <button type="button" onClick={linkChosen} className="rounded bg-accent px-2 py-1 text-xs font-medium text-[var(--panel)]">
                Link as evidence <kbd className="opacity-75">L</kbd>
              </button>
              {canAdjust ? (
                <button type="button" onClick={adjustChosen} className="rounded border border-rule px-2 py-1 text-xs hover:bg-accent-soft">
                  Adjust ends
                </button>
              ) : null}
            </>
          ) : (
            <span className="px-2 py-1 text-xs text-muted">Pick a claim first to link this passage.</span>
          )}
          <button type="button" onClick={() => notes.annotate(chosen, null)} className="rounded border border-rule px-2 py-1 text-xs hover:bg-accent-soft">
            Note <kbd className="opacity-75">N</kbd>
          </button>
        </div>
      ) : null}
      <SpanPopover
        anchor={popover?.anchor ?? null}
        links={popoverLinks}
        claims={claimById}
        onPick={(claimId, linkId) => {
          focusClaimRef.current = true;
          select(claimId, linkId);
        }}
        onClose={() => setPopover(null)}
      />
      <KeysSheet open={keysOpen} onOpenChange={setKeysOpen} onCloseAutoFocus={restoreFocus} />
      <AttachSourceDialog dossierId={view.id} open={attachOpen} onOpenChange={setAttachOpen} onAttached={onAttached} onCloseAutoFocus={restoreFocus} />
      <div role="status" aria-live="polite" className="sr-only" data-announce>
        {announcement}
      </div>
      <div role="status" aria-live="polite" className="pointer-events-none fixed bottom-4 left-4 z-50">
        {notice ? (
          <p key={notice.id} className="pointer-events-auto rounded-md bg-ink px-3 py-2 text-sm text-bg shadow-lg" data-notice>
            {notice.text}
          </p>
        ) : null}
      </div>
    </div>
  );
}
