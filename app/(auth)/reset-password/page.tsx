import type { Metadata } from "next";

import { LinkPage, type LinkPageProps } from "@/components/auth/link-page";

export const metadata: Metadata = { title: "Set your password" };
export const dynamic = "force-dynamic";

export default async function ResetPasswordPage({ searchParams }: LinkPageProps) {
  return <LinkPage purpose="password_reset" token={(await searchParams).token} />;
}
