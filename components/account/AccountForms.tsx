"use client";
import { useRouter } from "next/navigation";
import { useActionState, useState, useTransition } from "react";
import { changeNameAction, changePasswordAction, deleteAccountAction, signOutEverywhereAction, type AccountFormState } from "@/lib/actions/account";
import { NAME_MAX, PASSWORD_MIN } from "@/lib/validation/auth";
import { Field, FormStatus } from "../ui/Field";
import { viewerStore } from "../viewer/store";
import { Button, buttonClass } from "../ui/Button";
import { InlineError } from "../ui/FieldError";

const sectionCls = "flex flex-col gap-4 rounded-xl border border-line p-4";

export function NameForm({ name }: { name: string }) {
  const router = useRouter();
  const [state, action, pending] = useActionState<AccountFormState, FormData>(async (prev, form) => {
    const r = await changeNameAction(prev, form);
    if (r?.ok) {
      // The header's name comes from the member request: ask again.
      viewerStore.afterWrite();
      router.refresh();
    }
    return r;
  }, null);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <section aria-labelledby="name-h" className={sectionCls}>
      <h2 id="name-h" className="text-lg font-semibold">
        Your name
      </h2>
      <form action={action} className="flex flex-col gap-3" noValidate>
        <Field
          id="account-name"
          name="name"
          label="Display name"
          autoComplete="name"
          maxLength={NAME_MAX}
          defaultValue={state && !state.ok ? state.values?.name : name}
          errors={fe?.name ?? fe?.form}
          hint="Shown with your reviews, unless you post one anonymously."
        />
        <FormStatus state={state} />
        <Button type="submit" size="lg" disabled={pending} className="self-start">
          {pending ? "Saving…" : "Save name"}
        </Button>
      </form>
    </section>
  );
}

export function PasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const [state, action, pending] = useActionState<AccountFormState, FormData>(changePasswordAction, null);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <section aria-labelledby="password-h" className={sectionCls}>
      <h2 id="password-h" className="text-lg font-semibold">
        Password
      </h2>
      {hasPassword ? (
        <form action={action} className="flex flex-col gap-3" noValidate key={state?.ok ? "done" : "form"}>
          <Field
            id="current-password"
            name="currentPassword"
            label="Current password"
            type="password"
            autoComplete="current-password"
            errors={fe?.currentPassword}
          />
          <Field
            id="new-password"
            name="newPassword"
            label="New password"
            type="password"
            autoComplete="new-password"
            errors={fe?.newPassword ?? fe?.form}
            hint={`At least ${PASSWORD_MIN} characters. Changing it signs you out on every other device.`}
          />
          <FormStatus state={state} />
          <Button type="submit" size="lg" disabled={pending} className="self-start">
            {pending ? "Changing…" : "Change password"}
          </Button>
        </form>
      ) : (
        <p className="text-muted">You sign in with another service, so there is no Marquee password to change.</p>
      )}
    </section>
  );
}

export function SessionsSection() {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <section aria-labelledby="sessions-h" className={sectionCls}>
      <h2 id="sessions-h" className="text-lg font-semibold">
        Devices
      </h2>
      <p className="text-muted">Signed in somewhere you no longer use? End every session, this one included.</p>
      <div aria-live="polite">{error && <InlineError>{error}</InlineError>}</div>
      <Button
        variant="secondary"
        size="lg"
        disabled={pending}
        className="self-start"
        onClick={() =>
          start(async () => {
            const r = await signOutEverywhereAction();
            // A full load on purpose: every cached member island and the session cookie start over.
            // eslint-disable-next-line @next/next/no-location-assign-relative-destination
            if (r.ok) window.location.assign("/");
            else setError(r.message);
          })
        }
      >
        {pending ? "Signing out…" : "Sign out everywhere"}
      </Button>
    </section>
  );
}

export function DataSection() {
  return (
    <section aria-labelledby="data-h" className={sectionCls}>
      <h2 id="data-h" className="text-lg font-semibold">
        Your data
      </h2>
      <p className="text-muted">Your profile, reviews, votes, reports and wishlist as one JSON file.</p>
      <a href="/account/data" download className={buttonClass({ variant: "secondary", size: "lg", className: "self-start" })}>
        Download my data
      </a>
    </section>
  );
}

export function DeleteAccountForm({ hasPassword }: { hasPassword: boolean }) {
  const [state, action, pending] = useActionState<AccountFormState, FormData>(deleteAccountAction, null);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <section aria-labelledby="delete-h" className={`${sectionCls} border-red-700/40`}>
      <h2 id="delete-h" className="text-lg font-semibold">
        Delete account
      </h2>
      <p className="text-muted">
        This removes your account with your reviews, votes, reports and wishlist. Ratings you gave leave every film’s average. It cannot be undone.
      </p>
      <form action={action} className="flex flex-col gap-3" noValidate>
        {hasPassword ? (
          <Field
            id="delete-confirm"
            name="confirm"
            label="Password"
            type="password"
            autoComplete="current-password"
            errors={fe?.confirm ?? fe?.form}
            hint="Enter your password to confirm."
          />
        ) : (
          <Field
            id="delete-confirm"
            name="confirm"
            label="Your email"
            type="email"
            autoComplete="email"
            errors={fe?.confirm ?? fe?.form}
            hint="Type your account’s email to confirm."
          />
        )}
        <FormStatus state={state} />
        <Button type="submit" variant="danger" size="lg" disabled={pending} className="self-start">
          {pending ? "Deleting…" : "Delete account"}
        </Button>
      </form>
    </section>
  );
}
