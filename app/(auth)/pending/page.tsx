import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { PageHeader } from "@/components/ui/page-header";
import { signOutAction } from "@/lib/actions/sign-out";
import { getSessionUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Waiting for approval" };
export const dynamic = "force-dynamic";

/** Where a wallet that signed in for the first time waits until an admin approves it into an organisation. */
export default async function PendingPage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  if (!user.isPending) redirect("/inventory");
  return (
    <main className="mx-auto max-w-md px-6 py-16">
      <PageHeader title="Waiting for approval">
        You signed in as <span className="font-mono">{user.name}</span>. An admin has to approve this wallet into your
        organisation before you can see its batches. Until then there is nothing to show.
      </PageHeader>
      <form action={signOutAction} className="mt-4">
        <button type="submit" className="text-sm underline">
          Sign out
        </button>
      </form>
    </main>
  );
}
