"use client";
import { useEffect, useState } from "react";
import type { StreamingStatus as Status } from "@/lib/media/streaming";
import { errorTextClass } from "../ui/FieldError";

const POLL_MS = 3000;

/** Progress of the uploaded trailer's streaming versions, polled while they are being made. */
export function StreamingStatus({ filmId, initial }: { filmId: string; initial: Status }) {
  const [status, setStatus] = useState<Status>(initial);
  const settled = status.state === "done" || status.state === "failed";

  useEffect(() => {
    if (settled) return;
    let stop = false;
    const poll = async () => {
      try {
        const res = await fetch(`/admin/films/${encodeURIComponent(filmId)}/streaming`, { cache: "no-store" });
        if (res.ok && !stop) setStatus((await res.json()) as Status);
      } catch {
        /* offline for a moment: the next poll tries again */
      }
    };
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, [filmId, settled]);

  return (
    <section aria-labelledby="streaming-heading" className="rounded-lg bg-surface p-3 text-sm">
      <h2 id="streaming-heading" className="font-semibold">
        Streaming versions
      </h2>
      <div role="status" className="mt-1">
        {status.state === "none" && <p className="text-muted">None yet. An uploaded trailer gets them after you save; until then it plays as uploaded.</p>}
        {(status.state === "queued" || status.state === "running") && (
          <p className="flex items-center gap-2">
            <span>{status.state === "queued" ? "Waiting for the transcoder…" : `Making them: ${Math.round(status.progress * 100)}%`}</span>
            <progress max={1} value={status.progress} aria-label="Streaming versions made" className="h-2 w-40" />
          </p>
        )}
        {status.state === "done" && <p>Ready: viewers get the stream that fits their connection.</p>}
        {status.state === "failed" && <p className={errorTextClass}>They could not be made: {status.error} The trailer still plays as uploaded.</p>}
      </div>
    </section>
  );
}
