import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { requirePage } from "@/lib/auth/guard";
import { canEditCatalog } from "@/lib/auth/roles";
import { listReplyableFilms, listReviewsForReply } from "@/lib/data/replies";
import { ReplyEditor } from "@/components/admin/ReplyEditor";
import { Stars } from "@/components/ui/Stars";
import { LocalDate } from "@/components/ui/LocalDate";
import { AdminPage, AdminSearch } from "@/components/admin/AdminList";
import { chipClass } from "@/components/ui/chip";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Reply to reviews", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 200) ?? "";

export default async function RepliesPage({ searchParams }: Props) {
  const user = await requirePage((u) => canEditCatalog(u) || u?.role === "PUBLISHER", "/admin/replies");
  const sp = await searchParams;
  const q = one(sp.q).slice(0, 100);
  const films = await listReplyableFilms(user, q);
  const film = films.find((f) => f.slug === one(sp.film)) ?? null;
  const reviews = film ? await listReviewsForReply(film.id) : [];
  return (
    <AdminPage user={user} current="/admin/replies" title="Reply to reviews" width="max-w-4xl">
      <p className="text-muted">
        Your reply shows under the review as “Response from {film?.publisherName ?? "your publisher"}”. One reply per review; you can edit or delete it.
      </p>
      {canEditCatalog(user) && <AdminSearch action="/admin/replies" id="reply-q" label="Find a film" placeholder="Film title" q={q} />}
      <nav aria-label="Your films">
        <ul className="flex flex-wrap gap-2">
          {films.map((f) => (
            <li key={f.id}>
              <Link
                href={`/admin/replies?film=${f.slug}`}
                aria-current={film?.id === f.id ? "page" : undefined}
                className={`${chipClass()} aria-[current=page]:bg-surface aria-[current=page]:font-semibold`}
              >
                {f.title}
              </Link>
            </li>
          ))}
        </ul>
        {films.length === 0 && <p className="text-muted">No films to answer for yet.</p>}
      </nav>
      {film && (
        <section aria-labelledby="reply-film" className="flex flex-col gap-3">
          <h2 id="reply-film" className="text-xl font-semibold">
            Reviews of {film.title}
          </h2>
          {reviews.length === 0 && <p className="text-muted">No reviews yet.</p>}
          <ul className="flex flex-col gap-3">
            {reviews.map((r) => (
              <li key={r.reviewId}>
                <article aria-label={`Review by ${r.authorName}`} className="rounded-xl border border-line p-4">
                  <p className="flex items-center gap-2 text-sm text-muted">
                    <Stars value={r.rating} /> {r.authorName} · <LocalDate iso={r.createdAt} />
                  </p>
                  {r.body && <p className="mt-1 whitespace-pre-line break-words">{r.body}</p>}
                  <ReplyEditor reviewId={r.reviewId} authorName={r.authorName} existing={r.reply?.body ?? ""} status={r.reply?.status ?? null} />
                </article>
              </li>
            ))}
          </ul>
        </section>
      )}
    </AdminPage>
  );
}
