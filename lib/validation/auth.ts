import { z } from "zod";

import { capped, hasLoneSurrogate } from "./text";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
export const NAME_MAX = 60;

const email = capped(
  1000,
  z
    .string({ error: "Enter your email address." })
    // Raw bound first (abort: nothing after it runs on a huge value).
    .max(1000, { error: "That email address is too long.", abort: true })
    .trim()
    .toLowerCase()
    .min(1, "Enter your email address.")
    .max(254, "That email address is too long.")
    .email("Enter an email address like name@example.com."),
  "That email address is too long.",
);

export const nameSchema = capped(
  NAME_MAX * 4,
  z
    .string({ error: "Enter your name." })
    .max(NAME_MAX * 4, { error: `Keep your name to ${NAME_MAX} characters or fewer.`, abort: true })
    .refine((s) => !hasLoneSurrogate(s), "Your name contains characters we can’t store.")
    .transform((s) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, "").trim())
    .pipe(z.string().min(1, "Enter your name.").max(NAME_MAX, `Keep your name to ${NAME_MAX} characters or fewer.`)),
  `Keep your name to ${NAME_MAX} characters or fewer.`,
);

export const newPasswordSchema = capped(
  PASSWORD_MAX,
  z
    .string({ error: "Choose a password." })
    .max(PASSWORD_MAX, { error: `Keep your password to ${PASSWORD_MAX} characters or fewer.`, abort: true })
    .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters for your password.`),
  `Keep your password to ${PASSWORD_MAX} characters or fewer.`,
);

/** A password being checked against the stored hash (never hashed when longer than any we accept). */
const currentPasswordSchema = capped(
  PASSWORD_MAX,
  z.string({ error: "Enter your password." }).max(PASSWORD_MAX, { error: "That password doesn’t match.", abort: true }).min(1, "Enter your password."),
  "That password doesn’t match.",
);

export const signUpSchema = z.object({
  name: nameSchema,
  email,
  password: newPasswordSchema,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email,
  password: currentPasswordSchema,
});

// ---------- the account page and password reset ----------

export const changeNameSchema = z.object({ name: nameSchema });

export const changePasswordSchema = z.object({
  currentPassword: currentPasswordSchema,
  newPassword: newPasswordSchema,
});

export const deleteAccountSchema = z.object({
  /** The password, or for an account without one (signed up with a provider), its email. */
  confirm: capped(
    1000,
    z.string({ error: "Confirm with your password." }).max(1000, { error: "That doesn’t match.", abort: true }).min(1, "Confirm with your password."),
    "That doesn’t match.",
  ),
});

export const forgotPasswordSchema = z.object({ email });

/** A reset token as sent in the link: 32 random bytes, base64url. */
export const resetTokenSchema = capped(
  100,
  z
    .string()
    .max(100, { abort: true })
    .regex(/^[A-Za-z0-9_-]{20,100}$/, "This link is not valid."),
  "This link is not valid.",
);

export const resetPasswordSchema = z.object({
  token: resetTokenSchema,
  password: newPasswordSchema,
});
