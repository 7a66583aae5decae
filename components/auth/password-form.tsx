"use client";

import { startTransition, useActionState } from "react";

import { Button } from "@/components/ui/button";
import { field } from "@/components/ui/field";
import { toneStyles } from "@/components/ui/tones";
import { useHydrated } from "@/components/use-hydrated";
import { signInWithPassword, type SignInState } from "@/lib/actions/sign-in";

const input = `${field} w-full`;

export function PasswordForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, isPending] = useActionState<SignInState, FormData>(signInWithPassword, { error: null });
  const isHydrated = useHydrated();
  return (
    // POST, and the button waits for the scripts: a click before they load never puts a password in the URL.
    <form
      method="post"
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        // Not `<form action>`: React would empty the fields afterwards, and a code prompt needs the password kept.
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => action(data));
      }}
    >
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <label htmlFor="email" className="text-sm font-medium">
        Email
      </label>
      <input id="email" name="email" type="email" autoComplete="username" required className={input} />
      <label htmlFor="password" className="text-sm font-medium">
        Password
      </label>
      <input id="password" name="password" type="password" autoComplete="current-password" required className={input} />
      {state.needsCode && (
        <>
          <label htmlFor="code" className="text-sm font-medium">
            Authenticator code
          </label>
          <input
            id="code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="\d{6}"
            required
            autoFocus
            className={input}
          />
        </>
      )}
      <Button type="submit" variant="primary" className="mt-2" isPending={isPending || !isHydrated}>
        Sign in
      </Button>
      <p aria-live="polite" role="status" className={`min-h-5 text-sm ${toneStyles.red.text}`}>
        {state.error}
      </p>
    </form>
  );
}
