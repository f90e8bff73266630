import { LoadingStatus, Skeleton } from "@/components/ui/Skeleton";

export default function Loading() {
  return (
    <div className="grid grid-cols-2 gap-x-4 gap-y-6 sm:grid-cols-3 md:grid-cols-4 lg:grid-cols-5">
      <LoadingStatus label="Loading films…" />
      {Array.from({ length: 10 }, (_, i) => (
        <div key={i}>
          <Skeleton className="aspect-[2/3] w-full" />
          <Skeleton className="mt-2 h-4 w-3/4" />
        </div>
      ))}
    </div>
  );
}
