import { Stars } from "../ui/Stars";
import { LocalDate } from "../ui/LocalDate";

/** Stars, the long date and "(edited …)": the line under a review's author. */
export function ReviewMeta({
  rating,
  createdAt,
  editedAt,
  children,
}: {
  rating: number;
  createdAt: string;
  editedAt: string | null;
  children?: React.ReactNode;
}) {
  return (
    <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
      <Stars value={rating} />
      <LocalDate iso={createdAt} />
      {editedAt && (
        <span>
          (edited <LocalDate iso={editedAt} />)
        </span>
      )}
      {children}
    </p>
  );
}
