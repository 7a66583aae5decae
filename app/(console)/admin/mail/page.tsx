import type { Metadata } from "next";

import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/server";
import { listCaughtMails } from "@/lib/mail/caught";

export const metadata: Metadata = { title: "Caught mail" };
export const dynamic = "force-dynamic";

/** What the local SMTP catcher received: invitations and reset links, readable without a real mailbox. */
export default async function CaughtMailPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  await requirePageUser("/admin/mail");
  const { to } = await searchParams;
  const mails = await listCaughtMails(getDb(), { to: typeof to === "string" && to.length <= 200 ? to : undefined });
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title="Caught mail" link={{ href: "/admin", label: "Back to admin" }}>
        Mail sent through the local catcher that <code>npm run dev</code> starts; with SMTP_URL set to a real server
        this stays empty.
      </PageHeader>
      {mails.length === 0 && <p className="text-sm">No mail yet.</p>}
      <ul className="flex flex-col gap-4">
        {mails.map((m) => (
          <li
            key={m.id}
            data-testid="caught-mail"
            className="rounded-md border border-stone-200 p-3 dark:border-stone-800"
          >
            <p className="text-sm font-semibold">{m.subject ?? "(no subject)"}</p>
            <p className="text-xs text-stone-500">
              to {m.rcptTo.join(", ")} · from {m.mailFrom ?? "—"} ·{" "}
              {m.receivedAt.toISOString().replace("T", " ").slice(0, 19)}
            </p>
            <pre className="mt-2 whitespace-pre-wrap break-all text-sm">{m.textBody}</pre>
          </li>
        ))}
      </ul>
    </div>
  );
}
