"use client";

// The inbox's actions: opening a notification (it is marked read on the way), marking one read, and
// marking all read; each reads the page (and the header's count) again.
import { useRouter } from "next/navigation";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { attempt } from "@/lib/endpoints/client";

type Read = { ids: number[] } | { all: true };

function useMarkRead() {
  const router = useRouter();
  const [isPending, setIsPending] = useState(false);
  async function mark(body: Read) {
    setIsPending(true);
    const r = await attempt("POST /api/notifications/read", { body });
    setIsPending(false);
    if (!r.ok) toast.error(r.error.message);
    router.refresh();
    return r.ok;
  }
  return { mark, isPending };
}

/** The notification's title, linking to its batch or alert; an unread one is bold and marked read when opened. */
export function NotificationLink({
  id,
  href,
  isUnread,
  children,
}: {
  id: number;
  href: string;
  isUnread: boolean;
  children: React.ReactNode;
}) {
  const router = useRouter();
  const { mark } = useMarkRead();
  return (
    <a
      href={href}
      className={`underline ${isUnread ? "font-semibold" : ""}`}
      onClick={(e) => {
        if (!isUnread || e.metaKey || e.ctrlKey || e.shiftKey) return;
        e.preventDefault();
        void mark({ ids: [id] }).then(() => router.push(href));
      }}
    >
      {children}
    </a>
  );
}

export function MarkReadButton({ id }: { id: number }) {
  const { mark, isPending } = useMarkRead();
  return (
    <Button size="sm" variant="ghost" isPending={isPending} onClick={() => void mark({ ids: [id] })}>
      Mark read
    </Button>
  );
}

export function MarkAllReadButton({ unread }: { unread: number }) {
  const { mark, isPending } = useMarkRead();
  return (
    <Button
      variant="secondary"
      isPending={isPending}
      disabled={unread === 0}
      onClick={() => void mark({ all: true }).then((ok) => ok && toast.success("Every notification is read."))}
    >
      Mark all read
    </Button>
  );
}
