import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { loadAccount } from "@/lib/data/account";
import { DataSection, DeleteAccountForm, NameForm, PasswordForm, SessionsSection } from "@/components/account/AccountForms";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Account", robots: { index: false } };

export default async function AccountPage() {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent("/account")}`);
  const account = await loadAccount(user.id);
  if (!account) redirect("/signin");
  const hasPassword = !!account.passwordHash;
  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Account</h1>
        {account.email && <p className="mt-1 text-muted">Signed in as {account.email}</p>}
      </div>
      <NameForm name={account.displayName} />
      <PasswordForm hasPassword={hasPassword} />
      <SessionsSection />
      <DataSection />
      <DeleteAccountForm hasPassword={hasPassword} />
    </div>
  );
}
