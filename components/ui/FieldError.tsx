import type { ReactNode } from "react";

// Error text, one look everywhere: a field's error (tied to its control by id), a short
// alert under a control, and the boxed message of a form.

export const errorTextClass = "text-red-700 dark:text-red-400";

/**
 * A field's error. Its `id` goes in the control's `aria-describedby` (and the control gets
 * `aria-invalid`). Without a message it renders nothing, unless `keep` (the control always
 * names it, so it stays in the page, empty).
 */
export function FieldError({ id, message, as: Tag = "p", keep = false, className }: { id: string; message?: ReactNode; as?: "p" | "span"; keep?: boolean; className?: string }) {
  if (!message && !keep) return null;
  return (
    <Tag id={id} className={[className, "text-sm", errorTextClass].filter(Boolean).join(" ")}>
      {message}
    </Tag>
  );
}

/** A short error announced at once (role="alert"), under a button or in a dialog. */
export function InlineError({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <p role="alert" className={[className, "text-sm", errorTextClass].filter(Boolean).join(" ")}>
      {children}
    </p>
  );
}

/** A form's failure message in a box (role="alert"). */
export function ErrorBox({ children }: { children: ReactNode }) {
  return (
    <p role="alert" className="rounded-lg border border-red-700/40 bg-red-700/10 px-3 py-2 text-sm">
      {children}
    </p>
  );
}
