"use client";
import { useEffect, useState } from "react";
import { longDate } from "@/lib/format";

/**
 * A long date ("November 27, 2017"), stored in UTC and shown in the reader's locale.
 * The server renders en-US; the browser swaps in its own locale after hydration.
 */
export function LocalDate({ iso, className }: { iso: string; className?: string }) {
  const [text, setText] = useState(() => longDate(iso));
  useEffect(() => {
    try {
      // The reader's locale and time zone exist only in the browser, after hydration.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setText(longDate(iso, navigator.language || "en-US", Intl.DateTimeFormat().resolvedOptions().timeZone));
    } catch {
      /* keep the server's rendering */
    }
  }, [iso]);
  return (
    <time dateTime={iso} className={className} suppressHydrationWarning>
      {text}
    </time>
  );
}
