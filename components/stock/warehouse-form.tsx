"use client";
// Adds a warehouse, or switches one on or off, through the warehouses API (admins).
import { buttonStyle } from "@/components/batch-detail/section";
import { useApiCall } from "@/components/use-api-call";

const inputStyle = "rounded-md border border-stone-300 px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-900";

export function NewWarehouseForm() {
  const { call, error, pending } = useApiCall();
  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    const body = Object.fromEntries(["code", "name", "country", "address", "capacity_kg"].flatMap((k) => (f.get(k) ? [[k, String(f.get(k))]] : [])));
    if (await call("POST", "/api/warehouses", body, form)) form.reset();
  }
  return (
    <form aria-label="Add a warehouse" onSubmit={submit} className="flex flex-wrap items-end gap-2">
      <label className="flex flex-col text-xs">Code<input name="code" className={inputStyle} placeholder="ANR-BND" required /></label>
      <label className="flex flex-col text-xs">Name<input name="name" className={inputStyle} required /></label>
      <label className="flex flex-col text-xs">Country<input name="country" className={inputStyle} required /></label>
      <label className="flex flex-col text-xs">Address<input name="address" className={inputStyle} /></label>
      <label className="flex flex-col text-xs">Capacity (kg)<input name="capacity_kg" className={inputStyle} inputMode="decimal" required /></label>
      <button type="submit" className={buttonStyle} disabled={pending}>Add warehouse</button>
      <p aria-live="polite" role={error ? "alert" : undefined} className="w-full text-sm text-red-700 dark:text-red-300">{error}</p>
    </form>
  );
}

export function ToggleWarehouse({ code, isActive }: { code: string; isActive: boolean }) {
  const { call, error, pending } = useApiCall();
  return (
    <>
      <button type="button" className={buttonStyle} disabled={pending} onClick={() => call("PATCH", `/api/warehouses/${code}`, { is_active: !isActive })}>
        {isActive ? "Deactivate" : "Activate"}
      </button>
      {error && <span role="alert" className="ml-2 text-sm text-red-700">{error}</span>}
    </>
  );
}
