"use client";

// The admin setting that lets webhooks go to private and loopback addresses (off by default).
import { useErrorToast } from "@/components/ui/toast";
import { useApiCall } from "@/components/use-api-call";

export function AllowPrivate({ allowed }: { allowed: boolean }) {
  const { call, error, pending } = useApiCall();
  useErrorToast(error);
  return (
    <label className="flex items-center gap-2 text-sm">
      <input
        type="checkbox"
        checked={allowed}
        disabled={pending}
        onChange={(e) => void call("PATCH /api/admin/settings", { body: { webhooks_allow_private: e.target.checked } })}
      />
      Allow private and loopback addresses
      <span className="text-xs text-stone-500">(for a receiver on this machine or network; off in production)</span>
    </label>
  );
}
