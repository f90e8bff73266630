"use client";
// The member's own bits of a cached page (who they are, their review, wishlist state,
// votes and reports), fetched in one no-store request to /api/me after the page is on
// screen. Visitors (no member hint cookie) never make that request. Components register
// what they need while they mount; the store batches those needs into one request.
import { useEffect, useSyncExternalStore } from "react";
import type { MemberView, MyReview } from "@/lib/data/viewer";
import { MEMBER_HINT_COOKIE } from "@/lib/viewer/hint";

export type Vote = "YES" | "NO";
export type Role = MemberView["user"]["role"];

/** unknown: server HTML and hydration (CSS shows placeholders to members); visitor; loading; member. */
export type Phase = "unknown" | "visitor" | "loading" | "member";

export type FilmMine = { myReview: MyReview | null; wished: boolean };

type State = {
  phase: Phase;
  user: MemberView["user"] | null;
  films: Record<string, FilmMine>;
  votes: Record<string, Vote | null>;
  reported: Record<string, boolean>;
  own: Record<string, boolean>;
  /** Review ids whose marks have arrived. */
  known: Record<string, boolean>;
};

const initial: State = { phase: "unknown", user: null, films: {}, votes: {}, reported: {}, own: {}, known: {} };
let state: State = initial;
const listeners = new Set<() => void>();
const wantedFilms = new Set<string>();
const wantedReviews = new Set<string>();
let timer: ReturnType<typeof setTimeout> | null = null;
let inflight = false;
let again = false;
let againForced = false;

function set(patch: Partial<State>) {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

function hasHint(): boolean {
  return new RegExp(`(?:^|; )${MEMBER_HINT_COOKIE}=1`).test(document.cookie);
}

function becomeVisitor() {
  document.cookie = `${MEMBER_HINT_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`;
  delete document.documentElement.dataset.member;
  set({ phase: "visitor", user: null });
}

async function load(force: boolean) {
  if (inflight) {
    // Asked again while a request is out (after a write, say): go again when it is back,
    // keeping a forced refresh forced.
    again = true;
    againForced ||= force;
    return;
  }
  const films = [...wantedFilms].filter((s) => force || !state.films[s]);
  const reviews = [...wantedReviews].filter((id) => force || !state.known[id]);
  if (!force && state.phase === "member" && films.length === 0 && reviews.length === 0) return;
  inflight = true;
  if (state.phase !== "member") set({ phase: "loading" });
  try {
    const sp = new URLSearchParams();
    // One film per page: the last one asked for is the page's.
    if (films.length) sp.set("film", films[films.length - 1]!);
    if (reviews.length) sp.set("reviews", reviews.slice(0, 50).join(","));
    const res = await fetch(`/api/me${sp.size ? `?${sp}` : ""}`, { cache: "no-store", credentials: "same-origin" });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const view = (await res.json()) as MemberView | { user: null };
    if (!view.user) return becomeVisitor();
    const v = view;
    const known = { ...state.known };
    const votes = { ...state.votes };
    const reported = { ...state.reported };
    const own = { ...state.own };
    for (const id of reviews) {
      known[id] = true;
      votes[id] = v.marks.votes[id] ?? null;
      reported[id] = v.marks.reported.includes(id);
      own[id] = v.marks.own.includes(id);
    }
    set({
      phase: "member",
      user: v.user,
      films: v.film ? { ...state.films, [v.film.slug]: { myReview: v.film.myReview, wished: v.film.wished } } : state.films,
      votes,
      reported,
      own,
      known,
    });
  } catch {
    // The page stays usable: controls act as for a member and the server decides.
    set({ phase: state.user ? "member" : "loading" });
  } finally {
    inflight = false;
    if (again) {
      const forced = againForced;
      again = false;
      againForced = false;
      schedule(forced);
    }
  }
}

let scheduledForce = false;

/** Batches the needs registered in one tick into one request; a forced refresh stays forced. */
function schedule(force = false) {
  if (typeof window === "undefined") return;
  scheduledForce ||= force;
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    const force = scheduledForce;
    scheduledForce = false;
    if (state.phase === "unknown" || state.phase === "visitor") {
      if (!hasHint()) return state.phase === "visitor" ? undefined : set({ phase: "visitor" });
    }
    void load(force);
  }, 0);
}

export const viewerStore = {
  /**
   * After a member's write: the member's own bits are fetched again. The page itself
   * comes back fresh with the action's answer (lib/actions/run.ts expires its cache
   * before the action re-renders it).
   */
  afterWrite() {
    schedule(true);
  },
  get: () => state,
  subscribe: (l: () => void) => {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  /** After a write: ask again for everything this page shows. */
  refresh() {
    schedule(true);
  },
  setFilm(slug: string, patch: Partial<FilmMine>) {
    const cur = state.films[slug] ?? { myReview: null, wished: false };
    set({ films: { ...state.films, [slug]: { ...cur, ...patch } } });
  },
  setVote(reviewId: string, vote: Vote | null) {
    set({ votes: { ...state.votes, [reviewId]: vote } });
  },
  setReported(reviewId: string) {
    set({ reported: { ...state.reported, [reviewId]: true } });
  },
};

const getServer = () => initial;

/** The whole member state; "unknown" on the server and during hydration. */
export function useViewer(): State {
  return useSyncExternalStore(viewerStore.subscribe, viewerStore.get, getServer);
}

/** Asks for the member's state on this film (review, wishlist). */
export function useFilmMine(slug: string): { phase: Phase; mine: FilmMine | null } {
  const s = useViewer();
  useEffect(() => {
    wantedFilms.add(slug);
    schedule();
    return () => {
      wantedFilms.delete(slug);
    };
  }, [slug]);
  const mine = s.films[slug] ?? null;
  return { phase: s.phase === "member" && !mine ? "loading" : s.phase, mine };
}

export type CardMarks = { phase: Phase; own: boolean; vote: Vote | null; reported: boolean };

/** Asks for the member's marks on this review card (vote, report, own). */
export function useReviewMarks(reviewId: string): CardMarks {
  const s = useViewer();
  useEffect(() => {
    wantedReviews.add(reviewId);
    schedule();
    return () => {
      wantedReviews.delete(reviewId);
    };
  }, [reviewId]);
  const known = !!s.known[reviewId];
  return {
    phase: s.phase === "member" && !known ? "loading" : s.phase,
    own: !!s.own[reviewId],
    vote: s.votes[reviewId] ?? null,
    reported: !!s.reported[reviewId],
  };
}

/**
 * Who is signed in, for the header. Checked again on every navigation: signing in or out
 * in a form moves on without a full page load, and the hint cookie tells the store.
 */
export function useMember(pathname: string | null): { phase: Phase; user: State["user"] } {
  const s = useViewer();
  useEffect(() => {
    const hint = hasHint();
    if (hint && state.phase === "visitor") {
      document.documentElement.dataset.member = "1";
      set({ phase: "loading" });
      schedule(true);
    } else if (!hint && (state.phase === "member" || state.phase === "loading")) {
      becomeVisitor();
    } else schedule();
  }, [pathname]);
  return { phase: s.phase, user: s.user };
}
