// The member hint: a readable, non-secret cookie set beside next-auth's (httpOnly)
// session cookie. Pages are the same cached HTML for everyone; an inline script reads
// this hint before the first paint so members see placeholders instead of "Sign in",
// and only they ask /api/me for their own bits. It proves nothing: /api/me reads the
// real session.
export const MEMBER_HINT_COOKIE = "mq_member";

/** Runs in <head> before paint: marks the document for members (see globals.css). */
export const MEMBER_HINT_SCRIPT = `try{if(/(?:^|; )${MEMBER_HINT_COOKIE}=1/.test(document.cookie))document.documentElement.dataset.member="1"}catch(e){}`;
