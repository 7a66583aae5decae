"use client";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { Select } from "@/components/ui/select";
import { toast, useErrorToast } from "@/components/ui/toast";
import { useApiCall } from "@/components/use-api-call";
import { invitableRoles, ZInvitation } from "@/lib/auth/account-schemas";

/** The invitation the form asks for. */
const invitationOf = (form: HTMLFormElement) => {
  const data = new FormData(form);
  return { email: String(data.get("email") ?? ""), role: ZInvitation.shape.role.parse(data.get("role")) };
};

/** Invites someone by email; the mail carries a link valid 72 hours, once. */
export function InviteForm() {
  const { call, error, pending } = useApiCall();
  useErrorToast(error);
  return (
    <Card id="invite" title="Invite someone">
      <Form
        className="flex flex-wrap items-end gap-2"
        onSubmit={async (form) => {
          const result = await call("POST /api/admin/invitations", { body: invitationOf(form) });
          if (result) toast.success(`Invitation sent to ${result.email}.`);
        }}
      >
        <TextField id="invite-email" name="email" label="Email to invite" type="email" required />
        <Select
          id="invite-role"
          name="role"
          label="Role to invite as"
          options={invitableRoles}
          all={null}
          value="operator"
        />
        <Button type="submit" variant="primary" isPending={pending}>
          Send invitation
        </Button>
      </Form>
    </Card>
  );
}
