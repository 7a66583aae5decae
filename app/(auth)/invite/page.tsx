import type { Metadata } from "next";

import { LinkPage } from "@/components/auth/link-page";
import { acceptInvitationAction } from "@/lib/actions/accept-invitation";

export const metadata: Metadata = { title: "Accept your invitation" };
export const dynamic = "force-dynamic";

export default async function InvitePage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  return (
    <LinkPage
      purpose="invitation"
      token={(await searchParams).token}
      title="Join Batchtrail"
      intro={(link) =>
        `You are invited as ${link.role}, with ${link.email}. Choose your name and a password (12 characters or more).`
      }
      action={acceptInvitationAction}
      submitLabel="Create my account"
      successHref="/sign-in?notice=account-created"
      fields={[
        { name: "name", label: "Your name", autoComplete: "name" },
        { name: "password", label: "New password", type: "password", autoComplete: "new-password" },
      ]}
    />
  );
}
