import Link from "next/link";

import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { toneStyles } from "@/components/ui/tones";

/** The frame of the signed-out pages: a title, a line of help, the form. */
export function AuthCard({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <main className="mx-auto flex max-w-md flex-col gap-6 px-6 py-16">
      <PageHeader title={title}>{intro}</PageHeader>
      {children}
      <Link href="/sign-in" className="text-sm underline">
        Back to sign-in
      </Link>
    </main>
  );
}

export function LinkRefused({ message }: { message: string }) {
  return <Notice className={`rounded-md border p-3 ${toneStyles.red.box}`}>{message}</Notice>;
}
