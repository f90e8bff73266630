import { LoadingStatus, Skeleton } from "@/components/ui/Skeleton";

export default function Loading() {
  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <LoadingStatus label="Loading reviews…" />
      <Skeleton className="h-8 w-2/3" />
      <Skeleton className="h-28 w-full" />
      {Array.from({ length: 4 }, (_, i) => (
        <Skeleton key={i} className="h-24 w-full" />
      ))}
    </div>
  );
}
