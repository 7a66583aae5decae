"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { field } from "@/components/ui/field";
import { FieldError } from "@/components/ui/field-error";
import { toneStyles } from "@/components/ui/tones";
import { useHydrated } from "@/components/use-hydrated";
import type { ActionResult } from "@/lib/actions/safe-action";

export type Field = {
  name: string;
  label: string;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  value?: string;
  isHidden?: boolean;
  inputMode?: "numeric";
};

const input = `${field} w-full`;

/** A form posting its fields to a server action: errors beside their fields, then a message or a redirect. */
export function ActionForm({
  action,
  fields,
  submitLabel,
  successHref,
  successMessage,
}: {
  action: (input: Record<string, string>) => Promise<ActionResult<unknown>>;
  fields: Field[];
  submitLabel: string;
  successHref?: string;
  successMessage?: string;
}) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [isPending, setPending] = useState(false);
  const isHydrated = useHydrated();
  const fieldErrors = result && !result.ok ? result.error.fields : {};
  return (
    // POST, and the button waits for the scripts: a click before they load never puts a password in the URL.
    <form
      method="post"
      className="flex flex-col gap-3"
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        const data = Object.fromEntries([...new FormData(e.currentTarget)].map(([k, v]) => [k, String(v)]));
        const r = await action(data).catch(() => ({
          ok: false as const,
          error: { code: "network", message: "The server could not be reached.", fields: {} },
        }));
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
            <input
              id={f.name}
              name={f.name}
              type={f.type ?? "text"}
              autoComplete={f.autoComplete}
              inputMode={f.inputMode}
              defaultValue={f.value}
              required
              className={input}
              aria-invalid={!!fieldErrors[f.name]}
              aria-describedby={fieldErrors[f.name] ? `${f.name}-error` : undefined}
            />
            <FieldError id={`${f.name}-error`} message={fieldErrors[f.name] && `${f.label}: ${fieldErrors[f.name]}`} />
          </div>
        ),
      )}
      <Button type="submit" variant="primary" className="mt-2" isPending={isPending || !isHydrated}>
        {submitLabel}
      </Button>
      <p
        aria-live="polite"
        role="status"
        className={`min-h-5 text-sm ${toneStyles[result?.ok ? "green" : "red"].text}`}
      >
        {result
          ? result.ok
            ? (successMessage ?? (result.data as { message?: string })?.message ?? "Done.")
            : result.error.message
          : null}
      </p>
    </form>
  );
}
