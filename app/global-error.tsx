"use client";

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <head>
        <title>Something went wrong · Marquee</title>
      </head>
      <body style={{ fontFamily: "system-ui, sans-serif", textAlign: "center", padding: "4rem 1rem" }}>
        <h1>Something went wrong on our side</h1>
        <p>Please try again in a moment.</p>
        <button type="button" onClick={reset}>
          Try again
        </button>{" "}
        <a href="/">Go home</a>
        {error.digest && <p style={{ fontSize: "0.75rem" }}>Reference: {error.digest}</p>}
      </body>
    </html>
  );
}
