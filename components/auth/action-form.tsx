"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult } from "@/lib/actions/safe-action";

export type Field = { name: string; label: string; type?: "text" | "email" | "password"; autoComplete?: string; value?: string; isHidden?: boolean; inputMode?: "numeric" };

const input = "w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm dark:border-stone-700 dark:bg-stone-900";

/** A form posting its fields to a server action: errors beside their fields, then a message or a redirect. */
export function ActionForm({ action, fields, submitLabel, successHref, successMessage }: { action: (input: Record<string, string>) => Promise<ActionResult<unknown>>; fields: Field[]; submitLabel: string; successHref?: string; successMessage?: string }) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [isPending, setPending] = useState(false);
  const fieldErrors = result && !result.ok ? result.error.fields : {};
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        const data = Object.fromEntries([...new FormData(e.currentTarget)].map(([k, v]) => [k, String(v)]));
        const r = await action(data).catch(() => ({ ok: false as const, error: { code: "network", message: "The server could not be reached.", fields: {} } }));
        setPending(false);
        setResult(r);
        if (r.ok && successHref) router.push(successHref);
      }}
    >
      {fields.map((f) =>
        f.isHidden ? (
          <input key={f.name} type="hidden" name={f.name} value={f.value ?? ""} />
        ) : (
          <div key={f.name} className="flex flex-col gap-1">
            <label htmlFor={f.name} className="text-sm font-medium">
              {f.label}
            </label>
            <input id={f.name} name={f.name} type={f.type ?? "text"} autoComplete={f.autoComplete} inputMode={f.inputMode} defaultValue={f.value} required className={input} aria-invalid={!!fieldErrors[f.name]} />
            {fieldErrors[f.name] && <p className="text-xs text-red-700 dark:text-red-300">{`${f.label}: ${fieldErrors[f.name]}`}</p>}
          </div>
        ),
      )}
      <button type="submit" disabled={isPending} className="mt-2 rounded-md bg-stone-900 px-4 py-2 text-sm font-medium text-white disabled:opacity-50 dark:bg-stone-100 dark:text-stone-900">
        {submitLabel}
      </button>
      <p aria-live="polite" role="status" className={`min-h-5 text-sm ${result?.ok ? "text-emerald-700 dark:text-emerald-300" : "text-red-700 dark:text-red-300"}`}>
        {result ? (result.ok ? (successMessage ?? (result.data as { message?: string })?.message ?? "Done.") : result.error.message) : null}
      </p>
    </form>
  );
}
