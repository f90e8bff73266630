// Form pieces (account, password and sign-up forms): the input's look, a labelled input
// with its error tied by aria-describedby, and the form's status line.
import type { Result } from "@/lib/result";
import { ErrorBox } from "./ErrorBox";
import { FieldError } from "./FieldError";

export const inputCls = "w-full rounded-lg border border-line bg-page px-3 py-2 text-ink aria-[invalid=true]:border-red-600";

type FieldProps = {
  id: string;
  name: string;
  label: string;
  type?: string;
  autoComplete?: string;
  defaultValue?: string;
  maxLength?: number;
  errors?: string[];
  hint?: string;
};

export function Field({ id, name, label, type = "text", autoComplete, defaultValue, maxLength, errors, hint }: FieldProps) {
  const describedBy = [errors?.length ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        maxLength={maxLength}
        required
        aria-invalid={!!errors?.length}
        aria-describedby={describedBy}
        className={inputCls}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={errors?.[0]} />
    </div>
  );
}

/** The form's message: an alert when it failed, a polite status when it worked. */
export function FormStatus({ state }: { state: Result | null }) {
  return (
    <div aria-live="polite">
      {state && !state.ok && <ErrorBox>{state.message}</ErrorBox>}
      {state?.ok && state.message && (
        <p role="status" className="rounded-lg border border-line bg-surface px-3 py-2 text-sm">
          {state.message}
        </p>
      )}
    </div>
  );
}
