"use client";
// A user's role: choosing another asks to confirm (a role decides what someone may do), then says "Saved".
import { useState } from "react";
import { useApiCall } from "@/components/use-api-call";

const roles = ["admin", "operator", "verifier", "viewer"];
const small = "rounded border border-stone-300 px-2 py-0.5 text-xs dark:border-stone-700";

export function RoleSelect({ user, isSelf }: { user: { id: number; name: string; role: string }; isSelf: boolean }) {
  const { call, error, pending } = useApiCall();
  const [chosen, setChosen] = useState(user.role);
  const [saved, setSaved] = useState(false);
  const isChanging = chosen !== user.role && !saved;

  async function save() {
    if (await call("PATCH", `/api/admin/users/${user.id}`, { role: chosen })) setSaved(true);
  }

  return (
    <div className="flex flex-col gap-1">
      <select
        aria-label={`Role of ${user.name}`}
        value={chosen}
        disabled={isSelf || pending}
        onChange={(e) => (setChosen(e.target.value), setSaved(false))}
        className="rounded border border-stone-300 bg-white px-1 py-0.5 dark:border-stone-700 dark:bg-stone-900"
      >
        {roles.map((r) => (
          <option key={r}>{r}</option>
        ))}
      </select>
      {isChanging && (
        <div role="group" aria-label={`Confirm the role of ${user.name}`} className="flex flex-wrap items-center gap-1 text-xs">
          <span>
            Make {user.name} {chosen === "admin" || chosen === "operator" ? "an" : "a"} {chosen} instead of {user.role}?
          </span>
          <button type="button" className={small} disabled={pending} aria-busy={pending} onClick={save}>
            {pending ? "Saving…" : "Save role"}
          </button>
          <button type="button" className="underline" disabled={pending} onClick={() => setChosen(user.role)}>
            Cancel
          </button>
        </div>
      )}
      <span aria-live="polite" className="text-xs">
        {saved && <span className="text-emerald-700 dark:text-emerald-300">Saved.</span>}
        {error && <span className="text-red-700 dark:text-red-300">{error}</span>}
      </span>
    </div>
  );
}
