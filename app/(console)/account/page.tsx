import type { Metadata } from "next";

import { ActionForm } from "@/components/auth/action-form";
import { TotpSetup } from "@/components/auth/totp-setup";
import { SubscriptionForm } from "@/components/notifications/subscription-form";
import { PageHeader } from "@/components/ui/page-header";
import { changePasswordAction } from "@/lib/actions/change-password";
import { requirePageUser } from "@/lib/auth/session";
import { hasTotp } from "@/lib/auth/totp";
import { getDb } from "@/lib/db/server";
import { getSubscription } from "@/lib/notifications/subscriptions";

export const metadata: Metadata = { title: "Account" };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const me = await requirePageUser("/account");
  const isTotpOn = await hasTotp(getDb(), me.id);
  const subscription = await getSubscription(getDb(), me.id);
  return (
    <div className="flex max-w-md flex-col gap-8">
      <PageHeader title="Account">
        {me.name}, {me.email ?? "no email"} ({me.role})
      </PageHeader>
      {me.email && (
        <section aria-labelledby="password" className="flex flex-col gap-2">
          <h2 id="password" className="text-lg font-semibold">
            Change password
          </h2>
          <p className="text-sm text-stone-500">
            Every session of your account ends, this one too; sign in again with the new password.
          </p>
          <ActionForm
            action={changePasswordAction}
            submitLabel="Change password"
            successHref="/sign-in?notice=password-changed"
            fields={[
              {
                name: "current_password",
                label: "Current password",
                type: "password",
                autoComplete: "current-password",
              },
              { name: "new_password", label: "New password", type: "password", autoComplete: "new-password" },
            ]}
          />
        </section>
      )}
      <section aria-labelledby="totp" className="flex flex-col gap-2">
        <h2 id="totp" className="text-lg font-semibold">
          Two-factor sign-in
        </h2>
        <TotpSetup isEnabled={isTotpOn} />
      </section>
      <section aria-labelledby="alert-notifications" className="flex flex-col gap-2">
        <h2 id="alert-notifications" className="text-lg font-semibold">
          Alert notifications
        </h2>
        <p className="text-sm text-stone-500">
          {me.isMember
            ? "Alerts reach the operating company's staff; members of an organisation receive none."
            : `Batch alerts${me.role === "admin" ? " and system alerts" : ""} of this severity and above reach you.`}
        </p>
        <SubscriptionForm saved={subscription} />
      </section>
    </div>
  );
}
