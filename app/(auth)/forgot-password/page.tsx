import type { Metadata } from "next";

import { ActionForm } from "@/components/auth/action-form";
import { AuthCard } from "@/components/auth/auth-card";
import { requestPasswordResetAction } from "@/lib/actions/request-password-reset";

export const metadata: Metadata = { title: "Forgot your password" };

export default function ForgotPasswordPage() {
  return (
    <AuthCard title="Forgot your password?" intro="We mail a link to set a new one to the address of your account.">
      <ActionForm
        action={requestPasswordResetAction}
        submitLabel="Send me a link"
        fields={[{ name: "email", label: "Email", type: "email", autoComplete: "username" }]}
      />
    </AuthCard>
  );
}
