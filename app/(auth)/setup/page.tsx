import type { Metadata } from "next";

import { ActionForm } from "@/components/auth/action-form";
import { AuthCard, LinkRefused } from "@/components/auth/auth-card";
import { setUpFirstAdminAction } from "@/lib/actions/set-up-first-admin";
import { hasAdmin } from "@/lib/auth/first-admin";
import { getDb } from "@/lib/db/server";

export const metadata: Metadata = { title: "Set up Batchtrail" };
export const dynamic = "force-dynamic";

/** The first-run page: while no admin exists, the setup token the stack printed makes one. */
export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  if (await hasAdmin(getDb())) {
    return (
      <AuthCard title="Batchtrail is set up">
        <LinkRefused message="An admin exists already: sign in, or ask an admin to invite you." />
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Set up Batchtrail"
      intro="Create the first admin. The setup token is printed by `npm run dev` / `npm start` while no admin exists."
    >
      <ActionForm
        action={setUpFirstAdminAction}
        submitLabel="Create the admin"
        successHref="/sign-in?notice=account-created"
        fields={[
          { name: "token", label: "Setup token", value: token, autoComplete: "off" },
          { name: "name", label: "Your name", autoComplete: "name" },
          { name: "email", label: "Email", type: "email", autoComplete: "username" },
          { name: "password", label: "Password", type: "password", autoComplete: "new-password" },
        ]}
      />
    </AuthCard>
  );
}
