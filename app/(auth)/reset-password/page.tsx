import type { Metadata } from "next";

import { AuthCard } from "@/components/auth/auth-card";
import { LinkForm } from "@/components/auth/link-form";
import { resetPasswordAction } from "@/lib/actions/reset-password";
import { checkLink } from "@/lib/auth/link-check";

export const metadata: Metadata = { title: "Set your password" };
export const dynamic = "force-dynamic";

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const link = await checkLink("password_reset", token);
  return (
    <AuthCard
      title="Set your password"
      intro="12 characters or more. Every session of your account ends; sign in again afterwards."
    >
      <LinkForm
        refused={"refused" in link ? link.refused : null}
        token={token}
        action={resetPasswordAction}
        submitLabel="Set password"
        successHref="/sign-in?notice=password-set"
        fields={[{ name: "password", label: "New password", type: "password", autoComplete: "new-password" }]}
      />
    </AuthCard>
  );
}
