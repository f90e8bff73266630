import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/auth/PasswordResetForms";

export const metadata: Metadata = { title: "Forgot password", robots: { index: false } };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto flex w-full max-w-sm flex-col gap-6 py-6">
      <h1 className="text-2xl font-bold tracking-tight">Forgot your password?</h1>
      <p className="-mt-3 text-sm text-muted">Enter the email you signed up with. We’ll send a link to choose a new password.</p>
      <ForgotPasswordForm />
    </div>
  );
}
