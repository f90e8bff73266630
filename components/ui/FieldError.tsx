import type { ReactNode } from "react";

// Error text, one look everywhere: a field's error (tied to its control by id) and a short
// alert under a control. The boxed message of a form is ErrorBox (its own module, so the
// film page's islands do not carry it).

export const errorTextClass = "text-red-700 dark:text-red-400";

/**
 * A field's error. Its `id` goes in the control's `aria-describedby` (and the control gets
 * `aria-invalid`). Without a message it renders nothing, unless `keep` (the control always
 * names it, so it stays in the page, empty).
 */
export function FieldError({
  id,
  message,
  as: Tag = "p",
  keep = false,
  className,
}: {
  id: string;
  message?: ReactNode;
  as?: "p" | "span";
  keep?: boolean;
  className?: string;
}) {
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
