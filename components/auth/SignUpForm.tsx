"use client";
import { signIn } from "next-auth/react";
import Link from "@/components/ui/Link";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { signUpAction, type SignUpState } from "@/lib/actions/auth";
import { PASSWORD_MIN } from "@/lib/validation/auth";
import { Button } from "../ui/Button";
import { Field, inputCls } from "../ui/Field";
import { ErrorBox } from "../ui/ErrorBox";
import { FieldError } from "../ui/FieldError";
import { formText } from "@/lib/validation/params";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const passwordRef = useRef<HTMLInputElement>(null);
  const [state, action, pending] = useActionState<SignUpState, FormData>(async (prev, form) => {
    const result = await signUpAction(prev, form);
    if (result?.ok) {
      const res = await signIn("credentials", { email: formText(form, "email"), password: formText(form, "password"), redirect: false, callbackUrl });
      if (res?.error) return { ok: false, message: "Your account is ready. Please sign in.", code: "error" };
      router.replace(callbackUrl);
      router.refresh();
    }
    return result;
  }, null);
  const fe = state && !state.ok ? state.fieldErrors : undefined;

  useEffect(() => {
    if (fe?.password && passwordRef.current) passwordRef.current.focus();
  }, [fe]);

  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <div aria-live="polite">{state && !state.ok && <ErrorBox>{state.message}</ErrorBox>}</div>
      <div className="flex flex-col gap-1">
        <label htmlFor="name" className="font-medium">
          Name
        </label>
        <input
          id="name"
          name="name"
          autoComplete="name"
          required
          maxLength={60}
          defaultValue={state && !state.ok ? state.values?.name : ""}
          aria-invalid={!!fe?.name}
          aria-describedby={fe?.name ? "name-error" : "name-hint"}
          className={inputCls}
        />
        <p id="name-hint" className="text-xs text-muted">
          Shown with your reviews, unless you post one anonymously.
        </p>
        <FieldError id="name-error" message={fe?.name?.[0]} />
      </div>
      <Field
        id="email"
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        defaultValue={state && !state.ok ? state.values?.email : ""}
        errors={fe?.email}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor="password" className="font-medium">
          Password
        </label>
        <input
          ref={passwordRef}
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN}
          aria-invalid={!!fe?.password}
          aria-describedby={fe?.password ? "password-error password-hint" : "password-hint"}
          className={inputCls}
        />
        <p id="password-hint" className="text-xs text-muted">
          At least {PASSWORD_MIN} characters.
        </p>
        <FieldError id="password-error" message={fe?.password?.[0]} />
      </div>
      <Button type="submit" size="xl" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </Button>
      <p className="text-sm">
        Already a member?{" "}
        <Link href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-semibold text-brand hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
