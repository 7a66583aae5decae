"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { field } from "@/components/ui/field";
import { toneStyles } from "@/components/ui/tones";
import { disableTotpAction } from "@/lib/actions/disable-totp";
import { enableTotpAction } from "@/lib/actions/enable-totp";
import { startTotpAction } from "@/lib/actions/start-totp";

const input = `${field} w-40`;

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
      <p className="text-sm">
        Two-factor sign-in is <strong>{isEnabled ? "on" : "off"}</strong>.
      </p>
      {!isEnabled && !enrolment && (
        <Button
          variant="primary"
          className="self-start"
          onClick={async () => {
            const r = await startTotpAction();
            if (r.ok) setEnrolment(r.data);
            else setMessage({ text: r.error.message, isError: true });
          }}
        >
          Turn on two-factor sign-in
        </Button>
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
          method="post"
          className="flex items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void (enrolment
              ? confirm(enableTotpAction, "Two-factor sign-in is on: sign-in now asks for a code.")
              : confirm(disableTotpAction, "Two-factor sign-in is off."));
          }}
        >
          <label className="flex flex-col gap-1 text-sm font-medium">
            Code from the app
            <input
              value={code}
              onChange={(e) => setCode(e.target.value)}
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              className={input}
            />
          </label>
          <Button type="submit" variant="primary">
            {enrolment ? "Turn on" : "Turn off"}
          </Button>
        </form>
      )}
      <p
        aria-live="polite"
        role="status"
        className={`min-h-5 text-sm ${toneStyles[message?.isError ? "red" : "green"].text}`}
      >
        {message?.text}
      </p>
    </div>
  );
}
