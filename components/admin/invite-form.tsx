"use client";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { field } from "@/components/ui/select";
import { toast, useErrorToast } from "@/components/ui/toast";
import { useApiCall } from "@/components/use-api-call";
import { invitableRoles, ZInvitation } from "@/lib/auth/account-schemas";

/** Invites someone by email; the mail carries a link valid 72 hours, once. */
export function InviteForm() {
  const { call, error, pending } = useApiCall();
  useErrorToast(error);
  return (
    <Card id="invite" title="Invite someone">
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={async (e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          const result = await call("POST /api/admin/invitations", {
            body: { email: String(form.get("email") ?? ""), role: ZInvitation.shape.role.parse(form.get("role")) },
          });
          if (result) toast.success(`Invitation sent to ${result.email}.`);
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
        <Button type="submit" variant="primary" isPending={pending}>
          Send invitation
        </Button>
      </form>
    </Card>
  );
}
