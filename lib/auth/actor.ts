// Who is acting in a write: the signed-in member (id and role, read from the session by
// lib/actions/run.ts, never trusted from the page) or null for a visitor. Every write in
// lib/data takes one and checks it itself: a server action is a public POST.
import type { SessionUser } from "../data/users";

export type Actor = Pick<SessionUser, "id" | "role"> | null;
