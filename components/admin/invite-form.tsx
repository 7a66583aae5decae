"use client";

import { useState } from "react";
import { useApiCall } from "@/components/use-api-call";
import { invitableRoles, ZInvitation } from "@/lib/auth/account-schemas";
import { invite } from "@/lib/endpoints/admin";

const field = "rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-900";

/** Invites someone by email; the mail carries a link valid 72 hours, once. */
export function InviteForm() {
  const { call, error, pending } = useApiCall();
  const [sent, setSent] = useState<string | null>(null);
  return (
    <section aria-labelledby="invite">
      <h2 id="invite" className="mb-2 text-lg font-semibold">Invite someone</h2>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={async (e) => {
          e.preventDefault();
          setSent(null);
          const form = new FormData(e.currentTarget);
          const result = await call(invite, { body: { email: String(form.get("email") ?? ""), role: ZInvitation.shape.role.parse(form.get("role")) } });
          if (result) setSent(`Invitation sent to ${result.email}.`);
        }}
      >
        <label className="flex flex-col gap-1 text-sm">
          Email to invite
          <input name="email" type="email" required className={field} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Role to invite as
          <select name="role" defaultValue="operator" className={field}>
            {invitableRoles.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={pending} className="rounded-md bg-stone-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50 dark:bg-stone-100 dark:text-stone-900">
          Send invitation
        </button>
      </form>
      <p aria-live="polite" role="status" className="mt-2 min-h-5 text-sm">
        {error ? <span className="text-red-700 dark:text-red-300">{error}</span> : sent}
      </p>
    </section>
  );
}
