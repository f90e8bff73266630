import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { ResetPasswordForm } from "@/components/auth/PasswordResetForms";
import { resetTokenIsValid } from "@/lib/data/account";
import { resetTokenSchema } from "@/lib/validation/auth";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Choose a new password", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const sp = await searchParams;
  const parsed = resetTokenSchema.safeParse(Array.isArray(sp.token) ? sp.token[0] : sp.token);
  const valid = parsed.success && (await resetTokenIsValid(parsed.data));
  return (
    <div className="mx-auto flex w-full max-w-sm flex-col gap-6 py-6">
      <h1 className="text-2xl font-bold tracking-tight">Choose a new password</h1>
      {valid && parsed.success ? (
        <ResetPasswordForm token={parsed.data} />
      ) : (
        <p className="rounded-lg bg-surface p-4">
          This link has expired or was already used.{" "}
          <Link href="/forgot-password" className="font-semibold text-brand hover:underline">
            Ask for a new one
          </Link>
          .
        </p>
      )}
    </div>
  );
}
