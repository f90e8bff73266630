import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { notFound, redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { loadModerationPage, type QueueItem } from "@/lib/data/moderation";
import { REPORT_REASON_LABELS } from "@/lib/validation/review";
import { Stars } from "@/components/ui/Stars";
import { LocalDate } from "@/components/ui/LocalDate";
import { ModerationActions } from "@/components/admin/ModerationActions";
import { loadReplyQueue } from "@/lib/data/replies";
import { EmptyNote } from "@/components/admin/AdminList";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Moderation queue", robots: { index: false } };

const STATUS: Record<QueueItem["status"], string> = { VISIBLE: "Visible", FLAGGED: "Hidden automatically, waiting for you", HIDDEN: "Hidden by a moderator" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.slice(0, 400) : undefined);

export default async function ReportsPage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent("/admin/reports")}`);
  if (user.role !== "ADMIN") notFound();
  const sp = await searchParams;
  const [pending, hidden, replies] = await Promise.all([
    loadModerationPage("pending", one(sp.pending)),
    loadModerationPage("hidden", one(sp.hidden)),
    loadReplyQueue(),
  ]);
  const href = (key: "pending" | "hidden", cursor: string) => {
    const q = new URLSearchParams();
    const other = key === "pending" ? one(sp.hidden) : one(sp.pending);
    if (other) q.set(key === "pending" ? "hidden" : "pending", other);
    q.set(key, cursor);
    return `/admin/reports?${q}`;
  };
  return (
    <div className="flex max-w-4xl flex-col gap-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Moderation queue</h1>
        <p className="mt-1 text-muted">
          Reviews reported by members. A review reported by {env().REPORT_HIDE_THRESHOLD} established members (accounts older than{" "}
          {env().REPORT_MIN_ACCOUNT_AGE_HOURS} hours with a review of their own) is hidden until you decide. Hidden reviews leave every count and average.
        </p>
      </div>
      <Queue
        title="Waiting for a decision"
        items={pending.items}
        empty="Nothing to review. Well done."
        paged={!!one(sp.pending)}
        nextHref={pending.next ? href("pending", pending.next) : null}
      />
      <Queue
        title="Hidden reviews"
        items={hidden.items}
        empty="No hidden reviews."
        paged={!!one(sp.hidden)}
        nextHref={hidden.next ? href("hidden", hidden.next) : null}
      />
      <section aria-labelledby="reported-replies">
        <h2 id="reported-replies" className="mb-3 text-xl font-semibold">
          Reported replies <span className="text-base font-normal text-muted">({replies.length})</span>
        </h2>
        {replies.length === 0 ? (
          <EmptyNote>No reported replies.</EmptyNote>
        ) : (
          <ul className="flex flex-col gap-3">
            {replies.map((r) => (
              <li key={r.replyId}>
                <article aria-label={`Reply from ${r.publisherName} on ${r.film.title}`} className="rounded-xl border border-line p-4">
                  <p className="text-sm text-muted">
                    <Link href={`/films/${r.film.slug}/reviews`} className="font-semibold text-brand hover:underline">
                      {r.film.title}
                    </Link>{" "}
                    · Response from {r.publisherName} · {r.openReports === 1 ? "1 open report" : `${r.openReports} open reports`}
                  </p>
                  <p className="mt-2 whitespace-pre-line break-words">{r.body}</p>
                  <div className="mt-3">
                    <ModerationActions
                      reviewId={r.replyId}
                      kind="reply"
                      status={r.status as "VISIBLE" | "FLAGGED" | "HIDDEN"}
                      hasOpenReports={r.openReports > 0}
                      label={`the reply from ${r.publisherName}`}
                    />
                  </div>
                </article>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function Queue({ title, items, empty, paged, nextHref }: { title: string; items: QueueItem[]; empty: string; paged: boolean; nextHref: string | null }) {
  return (
    <section aria-labelledby={title.replace(/\W+/g, "-")}>
      <h2 id={title.replace(/\W+/g, "-")} className="mb-3 text-xl font-semibold">
        {title}
        {!paged && !nextHref && <span className="text-base font-normal text-muted"> ({items.length})</span>}
      </h2>
      {items.length === 0 ? (
        <EmptyNote>{empty}</EmptyNote>
      ) : (
        <ul className="flex flex-col gap-3">
          {items.map((i) => (
            <li key={i.reviewId}>
              <article aria-label={`Review by ${i.authorName} of ${i.film.title}`} className="rounded-xl border border-line p-4">
                <p className="text-sm text-muted">
                  <Link href={`/films/${i.film.slug}`} className="font-semibold text-brand hover:underline">
                    {i.film.title}
                  </Link>{" "}
                  · {i.authorName} · <LocalDate iso={i.createdAt} />
                </p>
                <p className="mt-1 flex items-center gap-2 text-sm">
                  <Stars value={i.rating} /> <span className="rounded bg-surface px-2 py-0.5">{STATUS[i.status]}</span>
                </p>
                {i.body && <p className="mt-2 whitespace-pre-line break-words">{i.body}</p>}
                {i.openReports > 0 && (
                  <p className="mt-2 text-sm">
                    <strong>{i.openReports === 1 ? "1 open report" : `${i.openReports} open reports`}:</strong>{" "}
                    {i.reasons.map((r) => `${REPORT_REASON_LABELS[r.reason as keyof typeof REPORT_REASON_LABELS] ?? r.reason} (${r.count})`).join(", ")}
                  </p>
                )}
                {i.notes.length > 0 && (
                  <ul className="mt-1 list-disc pl-5 text-sm text-muted">
                    {i.notes.map((n, k) => (
                      <li key={k}>{n}</li>
                    ))}
                  </ul>
                )}
                <div className="mt-3">
                  <ModerationActions reviewId={i.reviewId} status={i.status} hasOpenReports={i.openReports > 0} label={`the review by ${i.authorName}`} />
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
      {(paged || nextHref) && (
        <nav aria-label={`${title} pages`} className="mt-3 flex gap-4 text-sm">
          {paged && (
            <Link href="/admin/reports" className="font-semibold text-brand hover:underline">
              First page
            </Link>
          )}
          {nextHref && (
            <Link href={nextHref} className="font-semibold text-brand hover:underline">
              Next page
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}
