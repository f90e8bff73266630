import "server-only";
import type { SessionUser } from "@/lib/data/users";
import { getViewerMarks } from "@/lib/data/viewer";
import { VISITOR, type CardViewer } from "./ReviewCard";

/** How each card looks to this viewer (their vote, own review, already reported). */
export async function viewerFor(user: SessionUser | null, reviewIds: string[]): Promise<(id: string) => CardViewer> {
  if (!user) return () => VISITOR;
  const marks = await getViewerMarks(user.id, reviewIds);
  const own = new Set(marks.own);
  const reported = new Set(marks.reported);
  return (id) => ({ signedIn: true, own: own.has(id), myVote: marks.votes[id] ?? null, reported: reported.has(id) });
}
