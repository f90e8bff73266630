"use server";
import { createUserWithPassword } from "../data/users";
import { signUpSchema } from "../validation/auth";
import { fail, fromZod, type Result } from "../result";
import { reportFailure } from "../errors";

export type SignUpState = (Result & { values?: { name: string; email: string } }) | null;

/**
 * Creates an account. The browser then signs in through next-auth with the same
 * credentials (so the session cookie is next-auth's own) and returns to callbackUrl.
 */
export async function signUpAction(_prev: SignUpState, form: FormData): Promise<SignUpState> {
  const raw = { name: form.get("name") ?? "", email: form.get("email") ?? "", password: form.get("password") ?? "" };
  const values = { name: String(raw.name), email: String(raw.email) };
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) return { ...fromZod(parsed.error), values };
  try {
    const created = await createUserWithPassword(parsed.data);
    if (!created.ok) return { ...fail("An account with this email already exists. Sign in instead.", "conflict", { email: ["An account with this email already exists."] }), values };
    return { ok: true };
  } catch (e) {
    const f = reportFailure("action:signUp", e);
    return { ...fail(f.message, "error"), reference: f.code, values };
  }
}
