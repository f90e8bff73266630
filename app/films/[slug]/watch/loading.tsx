import { LoadingStatus, Skeleton } from "@/components/ui/Skeleton";

export default function Loading() {
  return (
    <div className="flex flex-col gap-8">
      <LoadingStatus label="Loading film…" />
      <div className="grid gap-6 sm:grid-cols-[1fr_200px]">
        <div className="flex flex-col gap-3">
          <Skeleton className="h-10 w-2/3" />
          <Skeleton className="h-5 w-40" />
          <Skeleton className="h-11 w-60" />
        </div>
        <Skeleton className="aspect-[2/3] w-36 sm:w-full" />
      </div>
      <Skeleton className="h-24 w-full max-w-3xl" />
      <Skeleton className="h-40 w-full max-w-3xl" />
    </div>
  );
}
