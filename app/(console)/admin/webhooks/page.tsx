import type { Metadata } from "next";

import { Card, Empty } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { AllowPrivate } from "@/components/webhooks/allow-private";
import { EndpointCard } from "@/components/webhooks/endpoint-card";
import { RegisterEndpoint } from "@/components/webhooks/register-form";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/server";
import { getSetting } from "@/lib/settings/settings";
import { listDeliveries } from "@/lib/webhooks/deliveries";
import { listEndpoints } from "@/lib/webhooks/endpoints";

export const metadata: Metadata = { title: "Webhooks" };
export const dynamic = "force-dynamic";

export default async function WebhooksPage() {
  await requirePageUser("/admin/webhooks");
  const db = getDb();
  const [endpoints, allowPrivate] = await Promise.all([listEndpoints(db), getSetting(db, "webhooks_allow_private")]);
  const logs = await Promise.all(endpoints.map((e) => listDeliveries(db, e.id, { limit: 20 })));
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Webhooks" link={{ href: "/admin", label: "Back to admin" }}>
        Signed HTTP calls (Standard Webhooks) to your systems when batches, alerts, syncs, orders and returns change;
        failed deliveries are retried with backoff for 24 hours, and an endpoint failing 20 times in a row is disabled
        with a system alert. See <code>docs/notifications.md</code> for the payload and how to verify it.
      </PageHeader>
      <AllowPrivate allowed={allowPrivate} />
      <RegisterEndpoint />
      {endpoints.length === 0 ? (
        <Card>
          <Empty>No endpoint yet: register one above.</Empty>
        </Card>
      ) : (
        endpoints.map((e, i) => <EndpointCard key={e.id} endpoint={e} deliveries={logs[i].data} />)
      )}
    </div>
  );
}
