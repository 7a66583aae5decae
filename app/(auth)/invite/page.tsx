import type { Metadata } from "next";

import { LinkPage, type LinkPageProps } from "@/components/auth/link-page";

export const metadata: Metadata = { title: "Accept your invitation" };
export const dynamic = "force-dynamic";

export default async function InvitePage({ searchParams }: LinkPageProps) {
  return <LinkPage purpose="invitation" token={(await searchParams).token} />;
}
