"use server";
// The account page (/account) and the password-reset pages. Every action counts
// against a write limit first, then validates bounded input, then writes.
import { redirect } from "next/navigation";
import { clearSession, reissueSession } from "../auth/reissue";
import { changePassword, createPasswordReset, deleteAccount, resetPassword, updateDisplayName } from "../data/account";
import { bumpSessionVersion } from "../data/users";
import { env } from "../env";
import { sendMail } from "../mail";
import { GENERIC_FAILURE } from "../errors";
import { fail, fromZod, type Fail, type Result } from "../result";
import { changeNameSchema, changePasswordSchema, deleteAccountSchema, forgotPasswordSchema, resetPasswordSchema } from "../validation/auth";
import { formText } from "../validation/text";
import { checkLimit } from "./limit";
import { expireTags, runMutation } from "./run";
import { tags } from "../data/cache";

export type AccountFormState = (Result & { values?: Record<string, string> }) | null;

const WRONG_PASSWORD = "That password doesn’t match your current one.";

export async function changeNameAction(_prev: AccountFormState, form: FormData): Promise<AccountFormState> {
  const raw = { name: formText(form, "name", 1000) };
  const result = await runMutation<undefined>(
    async (actor): Promise<Result> => {
      if (!actor) return fail("Sign in to change your name.", "unauthenticated");
      const parsed = changeNameSchema.safeParse(raw);
      if (!parsed.success) return fromZod(parsed.error);
      await updateDisplayName(actor.id, parsed.data.name);
      return { ok: true, message: "Your name was changed." };
    },
    { limit: "account" },
  );
  return result.ok ? result : { ...result, values: { name: raw.name.slice(0, 240) } };
}

export async function changePasswordAction(_prev: AccountFormState, form: FormData): Promise<AccountFormState> {
  const raw = { currentPassword: formText(form, "currentPassword", 1000), newPassword: formText(form, "newPassword", 1000) };
  let newVersion: number | null = null;
  const result = await runMutation<undefined>(
    async (actor): Promise<Result> => {
      if (!actor) return fail("Sign in to change your password.", "unauthenticated");
      const parsed = changePasswordSchema.safeParse(raw);
      if (!parsed.success) return fromZod(parsed.error);
      const changed = await changePassword(actor.id, parsed.data.currentPassword, parsed.data.newPassword);
      if (!changed.ok) return fail(WRONG_PASSWORD, "invalid", { currentPassword: [WRONG_PASSWORD] });
      newVersion = changed.sessionVersion;
      return { ok: true, message: "Your password was changed. You were signed out everywhere else." };
    },
    { limit: "account" },
  );
  // Every other session ended with the version bump; this one carries on.
  if (newVersion !== null) await reissueSession(newVersion);
  return result;
}

export async function signOutEverywhereAction(): Promise<Result> {
  const result = await runMutation<undefined>(
    async (actor): Promise<Result> => {
      if (!actor) return fail("You are already signed out.", "unauthenticated");
      await bumpSessionVersion(actor.id);
      return { ok: true, message: "You were signed out on every device." };
    },
    { limit: "account" },
  );
  if (result.ok) await clearSession();
  return result;
}

export async function deleteAccountAction(_prev: AccountFormState, form: FormData): Promise<AccountFormState> {
  const raw = { confirm: formText(form, "confirm", 1000) };
  let slugs: string[] = [];
  const result = await runMutation<undefined>(
    async (actor): Promise<Result> => {
      if (!actor) return fail("Sign in to delete your account.", "unauthenticated");
      const parsed = deleteAccountSchema.safeParse(raw);
      if (!parsed.success) return fromZod(parsed.error);
      const done = await deleteAccount(actor.id, parsed.data.confirm);
      if (!done.ok) return fail("That doesn’t match. Your account was not deleted.", "invalid", { confirm: ["That doesn’t match."] });
      slugs = done.filmSlugs;
      return { ok: true };
    },
    { limit: "account" },
  );
  if (!result.ok) return result;
  // The films the member had reviewed lose those reviews: their pages and the lists.
  if (slugs.length) await expireTags([...slugs.flatMap((slug) => [tags.film(slug), tags.reviews(slug)]), tags.catalog]);
  await clearSession();
  redirect("/?account=deleted");
}

// ---------------------------------------------------------------- forgot / reset password

const SENT = "If an account uses that email, we’ve sent it a link to choose a new password. The link works for one hour.";

/**
 * Sends a reset link. The answer is the same whether or not the email has an account
 * (and the mail is sent after answering, so timing does not tell either).
 */
export async function requestPasswordResetAction(_prev: AccountFormState, form: FormData): Promise<AccountFormState> {
  const raw = { email: formText(form, "email", 1000) };
  const result = await runMutation<undefined>(
    async (): Promise<Result> => {
      const parsed = forgotPasswordSchema.safeParse(raw);
      if (!parsed.success) return fromZod(parsed.error);
      const email = parsed.data.email;
      // Per email too (silently: saying so would reveal that the address is known).
      if (!(await checkLimit("passwordReset", `email:${email}`))) {
        void sendResetMail(email);
      }
      return { ok: true, message: SENT };
    },
    { anonymous: true, limit: "passwordReset", limitField: "email", scope: {}, route: "requestPasswordReset" },
  );
  return result.ok ? result : visitorFailure(result, { email: raw.email.slice(0, 254) });
}

/**
 * The visitors' forms answer an unexpected failure with the plain generic message (and
 * without the typed values); the other failures keep the values, if any.
 */
function visitorFailure(result: Fail, values?: Record<string, string>): AccountFormState {
  if (result.code === "error") return fail(GENERIC_FAILURE, "error");
  return values ? { ...result, values } : result;
}

async function sendResetMail(email: string): Promise<void> {
  try {
    const reset = await createPasswordReset(email);
    if (!reset) return;
    const link = `${env().siteUrl}/reset-password?token=${reset.token}`;
    await sendMail({
      to: reset.email,
      subject: "Choose a new Marquee password",
      text: `Someone (we hope you) asked to reset the password of your Marquee account.\n\nChoose a new password here within the next hour:\n${link}\n\nThe link works once. If you didn't ask, ignore this mail: your password stays as it is.\n`,
    });
  } catch (e) {
    console.error("password reset mail failed", e);
  }
}

export async function resetPasswordAction(_prev: AccountFormState, form: FormData): Promise<AccountFormState> {
  const raw = { token: formText(form, "token", 200), password: formText(form, "password", 1000) };
  const result = await runMutation<undefined>(
    async (): Promise<Result> => {
      const parsed = resetPasswordSchema.safeParse(raw);
      if (!parsed.success) return fromZod(parsed.error);
      const done = await resetPassword(parsed.data.token, parsed.data.password);
      if (!done.ok)
        return fail("This link has expired or was already used. Ask for a new one.", "invalid", { token: ["This link has expired or was already used."] });
      return { ok: true, message: "Your password was changed. Sign in with it now." };
    },
    { anonymous: true, limit: "passwordReset", limitField: "password", scope: {}, route: "resetPassword" },
  );
  return result.ok ? result : visitorFailure(result);
}
