"use client";
// Signing out without shipping next-auth's client to every visitor: fetch the CSRF token,
// then post next-auth's sign-out form. The full page load that follows starts the member
// state afresh.
export async function signOut(callbackUrl: string): Promise<void> {
  const res = await fetch("/api/auth/csrf", { cache: "no-store", credentials: "same-origin" });
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const form = document.createElement("form");
  form.method = "POST";
  form.action = "/api/auth/signout";
  for (const [name, value] of Object.entries({ csrfToken, callbackUrl })) {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    form.appendChild(input);
  }
  document.body.appendChild(form);
  form.submit();
}
