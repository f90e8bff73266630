"use client";
import { useId, useState } from "react";

/** The synopsis; long text collapses behind "See more". */
export function Synopsis({ text, limit = 320 }: { text: string; limit?: number }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const long = text.length > limit;
  return (
    <div>
      <p id={id} className={`whitespace-pre-line leading-relaxed ${long && !open ? "line-clamp-4" : ""}`}>
        {text}
      </p>
      {long && (
        <button
          type="button"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen((o) => !o)}
          className="mt-2 text-sm font-semibold text-brand hover:underline"
        >
          {open ? "See less" : "See more"}
        </button>
      )}
    </div>
  );
}
