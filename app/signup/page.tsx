import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/SignUpForm";
import { getCurrentUser } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/safe-redirect";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Create an account", alternates: { canonical: "/signup" }, robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignUpPage({ searchParams }: Props) {
  const sp = await searchParams;
  const callbackUrl = safeCallbackUrl(Array.isArray(sp.callbackUrl) ? sp.callbackUrl[0] : sp.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <div className="mx-auto flex w-full max-w-sm flex-col gap-6 py-6">
      <h1 className="text-2xl font-bold tracking-tight">Create your Marquee account</h1>
      <SignUpForm callbackUrl={callbackUrl} />
    </div>
  );
}
