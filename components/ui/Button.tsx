import type { ComponentProps } from "react";

// The site's buttons, one set of classes for <button> and for links that look like one
// (`buttonClass` for <Link>/<a>). No "use client": server and client components use it.

export type ButtonVariant = "brand" | "secondary" | "danger";
/**
 * xs, sm: small text (admin rows, the member's review card); compact: normal text at the
 * height of the py-1.5 selects of a filter row; md, lg, xl: forms and pages; hero: the
 * film page's main action.
 */
export type ButtonSize = "xs" | "sm" | "compact" | "md" | "lg" | "xl" | "hero";
export type ButtonStyle = { variant?: ButtonVariant; size?: ButtonSize; weight?: "semibold" | "medium"; className?: string };

const VARIANTS: Record<ButtonVariant, string> = {
  brand: "bg-brand text-on-brand hover:bg-brand-strong disabled:opacity-60",
  secondary: "border border-line hover:bg-surface disabled:opacity-50",
  danger: "bg-red-700 text-white hover:bg-red-800 disabled:opacity-60",
};

const SIZES: Record<ButtonSize, string> = {
  xs: "px-3 py-1.5 text-sm",
  sm: "px-4 py-1.5 text-sm",
  compact: "px-4 py-1.5",
  md: "px-4 py-2",
  lg: "px-5 py-2",
  xl: "px-5 py-2.5",
  hero: "px-6 py-2.5",
};

/** The classes of a button of this variant and size (for links styled as buttons). */
export function buttonClass({ variant = "brand", size = "md", weight = "semibold", className }: ButtonStyle = {}): string {
  return ["rounded-lg", VARIANTS[variant], SIZES[size], weight === "medium" ? "font-medium" : "font-semibold", className].filter(Boolean).join(" ");
}

/** A <button> (type "button" unless told otherwise) in one of the site's styles. */
export function Button({ variant, size, weight, className, type = "button", ...props }: ButtonStyle & Omit<ComponentProps<"button">, "className">) {
  return <button type={type} className={buttonClass({ variant, size, weight, className })} {...props} />;
}
