import Link from "next/link";

import { PageHeader } from "@/components/ui/page-header";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-md px-6 py-16">
      <PageHeader title="Not for your role">
        Your account cannot open that page. An admin can change your role.
      </PageHeader>
      <Link href="/inventory" className="mt-4 inline-block text-sm underline">
        Back to the inventory
      </Link>
    </main>
  );
}
