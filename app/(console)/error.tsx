"use client";

import { Button } from "@/components/ui/button";
import { toneStyles } from "@/components/ui/tones";

export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className={`rounded-lg border p-6 ${toneStyles.red.box}`}>
      <p className={`font-medium ${toneStyles.red.text}`}>This page could not be loaded.</p>
      <p className={`mt-1 text-sm ${toneStyles.red.text}`}>
        The database or the chain may be unreachable{error.digest ? ` (reference ${error.digest})` : ""}.
      </p>
      <Button variant="danger" className="mt-3" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
