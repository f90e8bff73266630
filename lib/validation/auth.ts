import { z } from "zod";

export const PASSWORD_MIN = 10;

const email = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .email("Enter an email address like name@example.com.");

export const signUpSchema = z.object({
  name: z
    .string({ error: "Enter your name." })
    .transform((s) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, "").trim())
    .pipe(z.string().min(1, "Enter your name.").max(60, "Keep your name to 60 characters or fewer.")),
  email,
  password: z
    .string({ error: "Choose a password." })
    .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters for your password.`)
    .max(200, "Keep your password to 200 characters or fewer."),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "Enter your password.").max(200),
});
