"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { disableTotpAction } from "@/lib/actions/disable-totp";
import { enableTotpAction } from "@/lib/actions/enable-totp";
import { startTotpAction } from "@/lib/actions/start-totp";

const input = "w-40 rounded-md border border-stone-300 bg-white px-3 py-2 text-sm dark:border-stone-700 dark:bg-stone-900";
const button = "rounded-md bg-stone-900 px-4 py-2 text-sm font-medium text-white disabled:opacity-50 dark:bg-stone-100 dark:text-stone-900";

/** Turns TOTP on (scan, then prove a code) or off (with a current code). */
export function TotpSetup({ isEnabled }: { isEnabled: boolean }) {
  const router = useRouter();
  const [enrolment, setEnrolment] = useState<{ secret: string; qr: string } | null>(null);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const [code, setCode] = useState("");

  async function confirm(action: typeof enableTotpAction, done: string) {
    const r = await action({ code });
    setMessage(r.ok ? { text: done, isError: false } : { text: r.error.message, isError: true });
    if (r.ok) {
      setEnrolment(null);
      setCode("");
      router.refresh();
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm">Two-factor sign-in is <strong>{isEnabled ? "on" : "off"}</strong>.</p>
      {!isEnabled && !enrolment && (
        <button
          type="button"
          className={`${button} self-start`}
          onClick={async () => {
            const r = await startTotpAction();
            if (r.ok) setEnrolment(r.data);
            else setMessage({ text: r.error.message, isError: true });
          }}
        >
          Turn on two-factor sign-in
        </button>
      )}
      {enrolment && (
        <div className="flex flex-col gap-2">
          <p className="text-sm">Scan this with an authenticator app, or type the key in it.</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server */}
          <img src={enrolment.qr} alt="QR code for your authenticator app" width={200} height={200} />
          <p className="text-sm">
            Key: <code data-testid="totp-secret">{enrolment.secret}</code>
          </p>
        </div>
      )}
      {(enrolment || isEnabled) && (
        <form
          className="flex items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void (enrolment ? confirm(enableTotpAction, "Two-factor sign-in is on: sign-in now asks for a code.") : confirm(disableTotpAction, "Two-factor sign-in is off."));
          }}
        >
          <label className="flex flex-col gap-1 text-sm font-medium">
            Code from the app
            <input value={code} onChange={(e) => setCode(e.target.value)} inputMode="numeric" autoComplete="one-time-code" required className={input} />
          </label>
          <button type="submit" className={button}>
            {enrolment ? "Turn on" : "Turn off"}
          </button>
        </form>
      )}
      <p aria-live="polite" role="status" className={`min-h-5 text-sm ${message?.isError ? "text-red-700 dark:text-red-300" : "text-emerald-700 dark:text-emerald-300"}`}>
        {message?.text}
      </p>
    </div>
  );
}
