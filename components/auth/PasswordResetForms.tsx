"use client";
import Link from "@/components/ui/Link";
import { useActionState } from "react";
import { requestPasswordResetAction, resetPasswordAction, type AccountFormState } from "@/lib/actions/account";
import { PASSWORD_MIN } from "@/lib/validation/auth";
import { Field, FormStatus } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState<AccountFormState, FormData>(requestPasswordResetAction, null);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <Field
        id="email"
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        defaultValue={state && !state.ok ? state.values?.email : ""}
        errors={fe?.email}
      />
      <FormStatus state={state} />
      <Button type="submit" size="lg" disabled={pending} className="self-start">
        {pending ? "Sending…" : "Send reset link"}
      </Button>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<AccountFormState, FormData>(resetPasswordAction, null);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  if (state?.ok) {
    return (
      <div className="flex flex-col gap-4">
        <FormStatus state={state} />
        <Link href="/signin" className="font-semibold text-brand hover:underline">
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <Field
        id="new-password"
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        errors={fe?.password ?? fe?.token}
        hint={`At least ${PASSWORD_MIN} characters.`}
      />
      <FormStatus state={state} />
      <Button type="submit" size="lg" disabled={pending} className="self-start">
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
