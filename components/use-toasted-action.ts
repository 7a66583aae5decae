"use client";

// An action from a button or a dialog: which one is running, its outcome a toast (the API's own
// message when refused), then the page's data read again.
import { useRouter } from "next/navigation";
import { useState } from "react";

import { toast } from "@/components/ui/toast";
import type { Attempt } from "@/lib/endpoints/client";

export function useToastedAction<A extends string = "action">() {
  const router = useRouter();
  const [running, setRunning] = useState<A | null>(null);

  /** Runs `request` (as `action`, where there are several); `done` says what it did. Whether it succeeded. */
  async function run<T>(request: () => Promise<Attempt<T>>, done: string, action = "action" as A): Promise<boolean> {
    setRunning(action);
    const r = await request();
    setRunning(null);
    if (r.ok) toast.success(done);
    else toast.error(r.error.message);
    router.refresh();
    return r.ok;
  }
  return { running, run };
}
