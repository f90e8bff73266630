// The typed result every mutation returns.
import type { z } from "zod";

export type FieldErrors = Record<string, string[] | undefined>;
export type Ok<T = undefined> = { ok: true; message?: string } & (T extends undefined ? { data?: undefined } : { data: T });
export type Fail = {
  ok: false;
  message: string;
  fieldErrors?: FieldErrors;
  reference?: string;
  code?: "unauthenticated" | "forbidden" | "not-found" | "conflict" | "invalid" | "rate-limited" | "error";
};
export type Result<T = undefined> = Ok<T> | Fail;

export function fail(message: string, code: Fail["code"] = "invalid", fieldErrors?: FieldErrors): Fail {
  return { ok: false, message, code, ...(fieldErrors ? { fieldErrors } : {}) };
}

export function fromZod(error: z.ZodError, message = "Please check the highlighted fields."): Fail {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fail(message, "invalid", fieldErrors);
}
