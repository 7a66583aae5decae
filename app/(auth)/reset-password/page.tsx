import type { Metadata } from "next";

import { LinkPage } from "@/components/auth/link-page";
import { resetPasswordAction } from "@/lib/actions/reset-password";

export const metadata: Metadata = { title: "Set your password" };
export const dynamic = "force-dynamic";

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  return (
    <LinkPage
      purpose="password_reset"
      token={(await searchParams).token}
      title="Set your password"
      intro="12 characters or more. Every session of your account ends; sign in again afterwards."
      action={resetPasswordAction}
      submitLabel="Set password"
      successHref="/sign-in?notice=password-set"
      fields={[{ name: "password", label: "New password", type: "password", autoComplete: "new-password" }]}
    />
  );
}
