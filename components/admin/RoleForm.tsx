"use client";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { setRoleAction } from "@/lib/actions/people";
import { ROLES, ROLE_LABELS, type RoleName } from "@/lib/validation/film";
import { Button } from "../ui/Button";
import { errorTextClass, FieldError } from "../ui/FieldError";

/** Grant or revoke a role (publishers name the publisher they represent). */
export function RoleForm({ userId, name, role, publisher, self }: { userId: string; name: string; role: RoleName; publisher: string; self: boolean }) {
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState<RoleName>(role);
  const [pub, setPub] = useState(publisher);
  const [result, setResult] = useState<{ ok: boolean; message: string; field?: string } | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      aria-label={`Role of ${name}`}
      className="mt-2 flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const res = await setRoleAction(userId, value, pub);
          setResult({
            ok: res.ok,
            message: res.ok ? (res.message ?? "Saved.") : res.message,
            field: res.ok ? undefined : res.fieldErrors?.publisher?.join(" "),
          });
          if (res.ok) router.refresh();
        });
      }}
    >
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-role`} className="text-sm font-medium">
          Role
        </label>
        <select
          id={`${id}-role`}
          value={value}
          onChange={(e) => setValue(e.target.value as RoleName)}
          disabled={self}
          className="rounded-lg border border-line bg-page px-3 py-1.5"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </div>
      {value === "PUBLISHER" && (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-pub`} className="text-sm font-medium">
            Publisher
          </label>
          <input
            id={`${id}-pub`}
            value={pub}
            onChange={(e) => setPub(e.target.value)}
            maxLength={400}
            aria-invalid={!!result?.field}
            aria-describedby={`${id}-err`}
            className="rounded-lg border border-line bg-page px-3 py-1.5"
          />
          <FieldError id={`${id}-err`} message={result?.field} as="span" keep />
        </div>
      )}
      <Button type="submit" variant="secondary" size="xs" disabled={pending || self}>
        Save role
      </Button>
      <span role="status" className={result && !result.ok ? `text-sm ${errorTextClass}` : "text-sm text-muted"}>
        {self ? "That’s you." : result?.message}
      </span>
    </form>
  );
}
