"use server";
import { createUserWithPassword } from "../data/users";
import { signUpSchema } from "../validation/auth";
import { formText } from "../validation/text";
import { fail, fromZod, type Result } from "../result";
import { runMutation } from "./run";

export type SignUpState = (Result & { values?: { name: string; email: string } }) | null;

/**
 * Creates an account. The browser then signs in through next-auth with the same
 * credentials (so the session cookie is next-auth's own) and returns to callbackUrl.
 * Sign-ups are limited per client address (LIMIT_SIGNUPS_PER_HOUR).
 */
export async function signUpAction(_prev: SignUpState, form: FormData): Promise<SignUpState> {
  // Raw values cut before anything else looks at them (the schema refuses what is too long).
  const raw = { name: formText(form, "name", 1000), email: formText(form, "email", 1001), password: formText(form, "password", 1000) };
  const values = { name: raw.name.slice(0, 240), email: raw.email.slice(0, 254) };
  const result = await runMutation<undefined>(
    async (): Promise<Result> => {
      const parsed = signUpSchema.safeParse(raw);
      if (!parsed.success) return fromZod(parsed.error);
      const created = await createUserWithPassword(parsed.data);
      if (!created.ok)
        return fail("An account with this email already exists. Sign in instead.", "conflict", { email: ["An account with this email already exists."] });
      return { ok: true };
    },
    { anonymous: true, limit: "signup", scope: {}, route: "signUp" },
  );
  return result.ok ? result : { ...result, values };
}
