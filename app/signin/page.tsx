import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/SignInForm";
import { oauthProviders } from "@/lib/auth/options";
import { getCurrentUser } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/safe-redirect";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in", alternates: { canonical: "/signin" }, robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const ERRORS: Record<string, string> = {
  OAuthSignin: "We couldn’t reach that sign-in service. Please try again.",
  OAuthCallback: "That sign-in didn’t complete. Please try again.",
  OAuthAccountNotLinked: "This email is already used by another sign-in method. Sign in the way you did before.",
  AccessDenied: "Sign-in was cancelled.",
};

export default async function SignInPage({ searchParams }: Props) {
  const sp = await searchParams;
  const callbackUrl = safeCallbackUrl(Array.isArray(sp.callbackUrl) ? sp.callbackUrl[0] : sp.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const code = typeof sp.error === "string" ? sp.error : undefined;
  return (
    <div className="mx-auto flex w-full max-w-sm flex-col gap-6 py-6">
      <h1 className="text-2xl font-bold tracking-tight">Sign in to Marquee</h1>
      <p className="-mt-3 text-sm text-muted">Rate films, write reviews and keep a wishlist.</p>
      <SignInForm
        callbackUrl={callbackUrl}
        providers={oauthProviders()}
        initialError={code ? (ERRORS[code] ?? "Sign-in failed. Please try again.") : undefined}
      />
    </div>
  );
}
