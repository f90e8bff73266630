import type { ReviewItem } from "@/lib/data/reviews";
import { ReviewMeta } from "./ReviewMeta";
import { HelpfulVote } from "./HelpfulVote";
import { ReportReply, ReportReview } from "./ReportReview";
import { SpoilerText } from "./SpoilerText";
import { ReplyBlock } from "./ReplyBlock";

export const ANONYMOUS_NAME = "A Marquee user";

/**
 * One review, the same for everyone (cached pages); the vote and report controls are
 * client islands that fill in the member's own state.
 */
export function ReviewCard({ review, returnTo }: { review: ReviewItem; returnTo: string }) {
  const name = review.authorName ?? ANONYMOUS_NAME;
  const initial = review.authorName ? review.authorName.trim().charAt(0).toUpperCase() : "M";
  return (
    <article id={`review-${review.id}`} aria-label={`Review by ${name}`} className="scroll-mt-20 border-b border-line py-5 last:border-b-0">
      <header className="flex items-center gap-3">
        <span aria-hidden="true" className="grid h-9 w-9 shrink-0 place-items-center rounded-full bg-surface text-sm font-semibold">
          {initial}
        </span>
        <p className="font-medium">{name}</p>
      </header>
      <ReviewMeta rating={review.rating} createdAt={review.createdAt} editedAt={review.editedAt} />
      {review.body && (
        <div className="mt-2">
          {review.spoiler ? <SpoilerText text={review.body} /> : <p className="whitespace-pre-line break-words leading-relaxed">{review.body}</p>}
        </div>
      )}
      {review.reply && (
        <>
          <ReplyBlock reply={review.reply} />
          <ReportReply replyId={review.reply.id} returnTo={returnTo} />
        </>
      )}
      <HelpfulVote
        key={`${review.id}:${review.helpfulYes}:${review.helpfulNo}`}
        reviewId={review.id}
        yes={review.helpfulYes}
        no={review.helpfulNo}
        returnTo={returnTo}
      />
      <ReportReview reviewId={review.id} returnTo={returnTo} />
    </article>
  );
}
