"use client";
import { signIn } from "next-auth/react";
import Link from "@/components/ui/Link";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import type { ProviderButton } from "@/lib/auth/options";
import { Button } from "../ui/Button";
import { ErrorBox } from "../ui/ErrorBox";
import { formText } from "@/lib/validation/params";

// Not ui/Field's inputCls: importing that module brings Field and FormStatus into this page's JS.
const inputCls = "w-full rounded-lg border border-line bg-page px-3 py-2 text-ink";

export function SignInForm({ callbackUrl, providers, initialError }: { callbackUrl: string; providers: ProviderButton[]; initialError?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | undefined>(initialError);
  const [email, setEmail] = useState("");
  const [pending, start] = useTransition();
  const errId = useId();

  function submit(form: FormData) {
    const password = formText(form, "password");
    start(async () => {
      const res = await signIn("credentials", { email, password, redirect: false, callbackUrl });
      if (!res || res.error) {
        setError(res?.error && res.error !== "CredentialsSignin" ? res.error : "That email and password don’t match an account. Check them and try again.");
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-6">
      <form action={submit} className="flex flex-col gap-4" aria-describedby={error ? errId : undefined} noValidate>
        <div aria-live="polite" id={errId}>
          {error && <ErrorBox>{error}</ErrorBox>}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="email" className="font-medium">
            Email
          </label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            className={inputCls}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="password" className="font-medium">
            Password
          </label>
          <input id="password" name="password" type="password" autoComplete="current-password" required className={inputCls} />
        </div>
        <Button type="submit" size="xl" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
        <Link href="/forgot-password" className="self-start text-sm font-semibold text-brand hover:underline">
          Forgot password?
        </Link>
      </form>
      {providers.length > 0 && (
        <div className="flex flex-col gap-2">
          <p className="text-center text-sm text-muted">or</p>
          {providers.map((p) => (
            <Button key={p.id} variant="secondary" size="xl" onClick={() => signIn(p.id, { callbackUrl })}>
              Continue with {p.name}
            </Button>
          ))}
        </div>
      )}
      <p className="text-sm">
        New to Marquee?{" "}
        <Link href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-semibold text-brand hover:underline">
          Create an account
        </Link>
      </p>
    </div>
  );
}
