const ROUNDED = { sm: "rounded", md: "rounded-md", xl: "rounded-xl", full: "rounded-full" };

/** A grey pulsing block where content will be (hidden from screen readers: pair it with LoadingStatus). */
export function Skeleton({ className = "", as: Tag = "div", rounded = "md" }: { className?: string; as?: "div" | "span"; rounded?: keyof typeof ROUNDED }) {
  return <Tag aria-hidden="true" className={`animate-pulse ${ROUNDED[rounded]} bg-surface ${className}`} />;
}

export function LoadingStatus({ label }: { label: string }) {
  return (
    <p role="status" className="sr-only">
      {label}
    </p>
  );
}
