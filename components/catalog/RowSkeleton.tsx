import { LoadingStatus, Skeleton } from "@/components/ui/Skeleton";

/** The shape of a FilmRow while it streams in (the heading is there at once). */
export function RowSkeleton({ title, status }: { title?: string; status?: string }) {
  return (
    <div>
      {title ? <h2 className="mb-3 text-xl font-semibold">{title}</h2> : <Skeleton className="mb-3 h-7 w-40" />}
      {status && <LoadingStatus label={status} />}
      <div className="-mx-4 flex gap-4 overflow-hidden px-4 sm:mx-0 sm:grid sm:grid-cols-4 sm:px-0 lg:grid-cols-6">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className={`w-36 shrink-0 sm:w-full ${i >= 4 ? "sm:hidden lg:block" : ""}`}>
            <Skeleton className="aspect-[2/3] w-full" />
            <Skeleton className="mt-2 h-4 w-3/4" />
            <Skeleton className="mt-1 h-3 w-1/2" />
          </div>
        ))}
      </div>
    </div>
  );
}
