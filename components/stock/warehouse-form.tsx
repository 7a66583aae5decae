"use client";

// Adds a warehouse, or switches one on or off, through the warehouses API (admins).
import { Button } from "@/components/ui/button";
import { field } from "@/components/ui/field";
import { useErrorToast } from "@/components/ui/toast";
import { useApiCall } from "@/components/use-api-call";

export function NewWarehouseForm() {
  const { call, error, pending } = useApiCall();
  useErrorToast(error);
  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    const text = (k: string) => (f.get(k) ? String(f.get(k)) : undefined);
    const body = {
      code: text("code") ?? "",
      name: text("name") ?? "",
      country: text("country") ?? "",
      address: text("address"),
      capacity_kg: text("capacity_kg") ?? "",
    };
    if (await call("POST /api/warehouses", { body }, form)) form.reset();
  }
  return (
    <form aria-label="Add a warehouse" onSubmit={submit} className="flex flex-wrap items-end gap-2">
      <label className="flex flex-col text-xs">
        Code
        <input name="code" className={field} placeholder="ANR-BND" required />
      </label>
      <label className="flex flex-col text-xs">
        Name
        <input name="name" className={field} required />
      </label>
      <label className="flex flex-col text-xs">
        Country
        <input name="country" className={field} required />
      </label>
      <label className="flex flex-col text-xs">
        Address
        <input name="address" className={field} />
      </label>
      <label className="flex flex-col text-xs">
        Capacity (kg)
        <input name="capacity_kg" className={field} inputMode="decimal" required />
      </label>
      <Button type="submit" isPending={pending}>
        Add warehouse
      </Button>
    </form>
  );
}

export function ToggleWarehouse({ code, isActive }: { code: string; isActive: boolean }) {
  const { call, error, pending } = useApiCall();
  useErrorToast(error);
  return (
    <Button
      size="sm"
      isPending={pending}
      onClick={() => call("PATCH /api/warehouses/[code]", { params: { code }, body: { is_active: !isActive } })}
    >
      {isActive ? "Deactivate" : "Activate"}
    </Button>
  );
}
