import type { Metadata } from "next";
import { ActionForm } from "@/components/auth/action-form";
import { AuthCard, LinkRefused } from "@/components/auth/auth-card";
import { acceptInvitationAction } from "@/lib/actions/accept-invitation";
import { checkLink } from "@/lib/auth/link-check";

export const metadata: Metadata = { title: "Accept your invitation" };
export const dynamic = "force-dynamic";

export default async function InvitePage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const link = await checkLink("invitation", token);
  return (
    <AuthCard title="Join Batchtrail" intro={"refused" in link ? undefined : `You are invited as ${link.role}, with ${link.email}. Choose your name and a password (12 characters or more).`}>
      {"refused" in link ? (
        <LinkRefused message={link.refused} />
      ) : (
        <ActionForm
          action={acceptInvitationAction}
          submitLabel="Create my account"
          successHref="/sign-in?notice=account-created"
          fields={[
            { name: "token", label: "Token", isHidden: true, value: token },
            { name: "name", label: "Your name", autoComplete: "name" },
            { name: "password", label: "New password", type: "password", autoComplete: "new-password" },
          ]}
        />
      )}
    </AuthCard>
  );
}
