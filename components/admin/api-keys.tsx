"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { Select } from "@/components/ui/select";
import { ColumnTable, type ColumnOf } from "@/components/ui/table";
import { useErrorToast } from "@/components/ui/toast";
import { useApiCall } from "@/components/use-api-call";
import { ZNewApiKey } from "@/lib/auth/schemas";

import { NewKey, RevokeKey } from "./api-key-parts";

type Key = {
  id: number;
  name: string;
  prefix: string;
  role: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
};

export function AdminApiKeys({ keys }: { keys: Key[] }) {
  const { call, error } = useApiCall();
  const [name, setName] = useState("");
  const [role, setRole] = useState<"operator" | "verifier" | "viewer">("viewer");
  const [created, setCreated] = useState<string | null>(null);
  useErrorToast(error);
  const columns: ColumnOf<Key>[] = [
    { label: "Name", cell: (k) => k.name },
    { label: "Key", cell: (k) => `bt_${k.prefix}_…`, className: "font-mono text-xs" },
    { label: "Role", cell: (k) => k.role },
    {
      label: "Last used",
      cell: (k) => k.last_used_at?.slice(0, 19).replace("T", " ") ?? "never",
      className: "text-xs",
    },
    {
      label: "",
      cell: (k) =>
        k.revoked_at ? (
          <span className="text-xs text-stone-500">revoked</span>
        ) : (
          <RevokeKey
            name={k.name}
            onRevoke={() => call("DELETE /api/admin/api-keys/[key_id]", { params: { key_id: k.id } })}
          />
        ),
    },
  ];
  return (
    <Card id="api-keys" title="API keys">
      <Form
        className="flex flex-wrap items-end gap-2 text-sm"
        onSubmit={async () => {
          const result = await call("POST /api/admin/api-keys", { body: { name, role } });
          if (result) {
            setCreated(result.key);
            setName("");
          }
        }}
      >
        <TextField
          id="api-key-name"
          name="name"
          label="Name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
        />
        <Select
          id="api-key-role"
          name="role"
          label="Role"
          options={["viewer", "verifier", "operator"]}
          all={null}
          value={role}
          onChange={(v) => setRole(ZNewApiKey.shape.role.parse(v))}
        />
        <Button type="submit" variant="primary">
          Create key
        </Button>
      </Form>
      {created && <NewKey value={created} />}
      <ColumnTable rows={keys} columns={columns} empty="No API key yet: create one above." />
    </Card>
  );
}
