"use client";
import { useId, type ReactNode, type Ref } from "react";

const WIDTHS = { sm: "w-[min(26rem,calc(100%-2rem))]", md: "w-[min(28rem,calc(100%-2rem))]" };

/**
 * A modal dialog on the native <dialog>, opened with `ref.current.showModal()`: the browser
 * moves focus into it and back to the opener on close, Escape closes it, the page behind
 * is inert. Named by its title (aria-labelledby).
 */
export function Dialog({
  ref,
  title,
  width = "sm",
  children,
}: {
  ref: Ref<HTMLDialogElement>;
  title: ReactNode;
  width?: keyof typeof WIDTHS;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <dialog ref={ref} aria-labelledby={titleId} className={`m-auto ${WIDTHS[width]} rounded-xl border border-line bg-page p-5 text-ink backdrop:bg-black/50`}>
      <h2 id={titleId} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
