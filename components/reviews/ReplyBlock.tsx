import type { ReviewReplyItem } from "@/lib/data/reviews";
import { LocalDate } from "../ui/LocalDate";

/** The publisher's answer under a review: "Response from <publisher>", its date, "edited". */
export function ReplyBlock({ reply }: { reply: ReviewReplyItem }) {
  return (
    <section aria-label={`Response from ${reply.publisherName}`} className="mt-3 ml-4 rounded-lg border-l-4 border-brand bg-surface px-3 py-2">
      <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <span className="font-semibold">Response from {reply.publisherName}</span>
        <span className="text-muted">
          <LocalDate iso={reply.createdAt} />
          {reply.editedAt && (
            <>
              {" "}
              (edited <LocalDate iso={reply.editedAt} />)
            </>
          )}
        </span>
      </p>
      <p className="mt-1 whitespace-pre-line break-words text-sm leading-relaxed">{reply.body}</p>
    </section>
  );
}
