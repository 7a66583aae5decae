import type { Metadata } from "next";

import { AuthCard } from "@/components/auth/auth-card";
import { LinkForm } from "@/components/auth/link-form";
import { acceptInvitationAction } from "@/lib/actions/accept-invitation";
import { checkLink } from "@/lib/auth/link-check";

export const metadata: Metadata = { title: "Accept your invitation" };
export const dynamic = "force-dynamic";

export default async function InvitePage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const link = await checkLink("invitation", token);
  return (
    <AuthCard
      title="Join Batchtrail"
      intro={
        "refused" in link
          ? undefined
          : `You are invited as ${link.role}, with ${link.email}. Choose your name and a password (12 characters or more).`
      }
    >
      <LinkForm
        refused={"refused" in link ? link.refused : null}
        token={token}
        action={acceptInvitationAction}
        submitLabel="Create my account"
        successHref="/sign-in?notice=account-created"
        fields={[
          { name: "name", label: "Your name", autoComplete: "name" },
          { name: "password", label: "New password", type: "password", autoComplete: "new-password" },
        ]}
      />
    </AuthCard>
  );
}
