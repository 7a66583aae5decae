"use client";

// A user's role: choosing another asks to confirm (a role decides what someone may do), then says "Saved".
import { ZUserChange } from "@/lib/auth/schemas";
import { roles } from "@/lib/db/enums";

import { ConfirmedSelect } from "./confirmed-select";

const roleOptions = roles.map((r) => ({ value: r, label: r }));

export function RoleSelect({ user, isSelf }: { user: { id: number; name: string; role: string }; isSelf: boolean }) {
  return (
    <ConfirmedSelect
      what="role"
      userName={user.name}
      userId={user.id}
      value={user.role}
      options={roleOptions}
      isDisabled={isSelf}
      question={(chosen, current) =>
        `Make ${user.name} ${chosen === "admin" || chosen === "operator" ? "an" : "a"} ${chosen} instead of ${current}?`
      }
      body={(role) => ({ role: ZUserChange.shape.role.unwrap().parse(role) })}
    />
  );
}
