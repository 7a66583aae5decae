import type { Metadata } from "next";
import { ActionForm } from "@/components/auth/action-form";
import { AuthCard, LinkRefused } from "@/components/auth/auth-card";
import { resetPasswordAction } from "@/lib/actions/reset-password";
import { checkLink } from "@/lib/auth/link-check";

export const metadata: Metadata = { title: "Set your password" };
export const dynamic = "force-dynamic";

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const link = await checkLink("password_reset", token);
  return (
    <AuthCard title="Set your password" intro="12 characters or more. Every session of your account ends; sign in again afterwards.">
      {"refused" in link ? (
        <LinkRefused message={link.refused} />
      ) : (
        <ActionForm
          action={resetPasswordAction}
          submitLabel="Set password"
          successHref="/sign-in?notice=password-set"
          fields={[
            { name: "token", label: "Token", isHidden: true, value: token },
            { name: "password", label: "New password", type: "password", autoComplete: "new-password" },
          ]}
        />
      )}
    </AuthCard>
  );
}
