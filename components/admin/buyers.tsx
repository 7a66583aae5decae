"use client";

// Buyers (importers, roasters): the wallet their orders' tokens are delivered to, and their addresses.
import { useState } from "react";
import type { z } from "zod";

import type { Buyer } from "@/components/orders/buyer-fields";
import { Button } from "@/components/ui/button";
import { Card, Empty } from "@/components/ui/card";
import { field, Field, TextField } from "@/components/ui/field";
import { namedOption, Options } from "@/components/ui/select";
import { ColumnTable, Lines, type ColumnOf } from "@/components/ui/table";
import { useOutcomeToast } from "@/components/ui/toast";
import { useApiCall } from "@/components/use-api-call";
import type { ZBuyerChange } from "@/lib/orders/schemas";

const columns: ColumnOf<Buyer>[] = [
  { label: "Buyer", cell: (b) => b.name },
  { label: "Kind", cell: (b) => b.kind },
  {
    label: "Delivery wallet",
    cell: (b) => b.delivery_wallet ?? "none: ships by redemption",
    className: "font-mono text-xs",
  },
  {
    label: "Addresses",
    cell: (b) => <Lines lines={b.addresses.map((a) => `${a.label}: ${a.lines}, ${a.country}`)} />,
    className: "text-xs",
  },
];

export function AdminBuyers({ buyers }: { buyers: Buyer[] }) {
  const { call, error, pending } = useApiCall();
  const [buyerId, setBuyerId] = useState(buyers[0]?.id ?? 0);
  const [done, setDone] = useState<string>();
  useOutcomeToast({ pending, error, success: done });
  const buyer = buyers.find((b) => b.id === buyerId) ?? buyers[0];
  if (!buyer)
    return (
      <Card id="buyers" title="Buyers">
        <Empty>No buyer yet: create an organisation of kind importer or roaster above.</Empty>
      </Card>
    );

  /** The wallet form is keyed by the saved wallet, so it shows the new one once the page is read again. */
  async function save(form: HTMLFormElement, body: z.input<typeof ZBuyerChange>, said: string) {
    setDone(said);
    if ((await call("PATCH /api/buyers/[buyer_id]", { params: { buyer_id: buyer.id }, body }, form)) && body.address)
      form.reset();
  }

  return (
    <Card id="buyers" title="Buyers">
      <p className="text-sm text-stone-500">
        A buyer&apos;s orders are delivered as tokens to its delivery wallet; without one they ship by redemption.
      </p>
      <Field id="admin-buyer" label="Buyer to change" className="max-w-xs">
        <select
          id="admin-buyer"
          value={buyer.id}
          onChange={(e) => setBuyerId(Number(e.target.value))}
          className={field}
        >
          <Options items={buyers.map(namedOption)} />
        </select>
      </Field>
      <div className="flex flex-wrap gap-6">
        <form
          key={`wallet-${buyer.id}-${buyer.delivery_wallet}`}
          aria-label={`Delivery wallet of ${buyer.name}`}
          className="flex flex-wrap items-end gap-2 text-sm"
          onSubmit={(e) => {
            e.preventDefault();
            const wallet = String(new FormData(e.currentTarget).get("delivery_wallet") ?? "").trim();
            void save(
              e.currentTarget,
              { delivery_wallet: wallet || null },
              wallet ? `Delivery wallet of ${buyer.name} saved.` : `${buyer.name} now ships by redemption.`,
            );
          }}
        >
          <TextField
            id="delivery_wallet"
            name="delivery_wallet"
            label="Delivery wallet (empty: ships by redemption)"
            defaultValue={buyer.delivery_wallet ?? ""}
            placeholder="0x…"
            className="w-full font-mono text-xs"
            fieldClassName="w-full max-w-96"
          />
          <Button type="submit" variant="primary" isPending={pending}>
            Save delivery wallet
          </Button>
        </form>
        <form
          key={`address-${buyer.id}`}
          aria-label={`Add an address for ${buyer.name}`}
          className="flex flex-wrap items-end gap-2 text-sm"
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            const read = (k: string) => String(data.get(`address.${k}`) ?? "").trim();
            void save(
              e.currentTarget,
              { address: { label: read("label"), lines: read("lines"), country: read("country") } },
              `Address "${read("label")}" added for ${buyer.name}.`,
            );
          }}
        >
          <TextField
            id="address.label"
            name="address.label"
            label="Address label"
            required
            maxLength={80}
            className="w-32"
          />
          <TextField
            id="address.lines"
            name="address.lines"
            label="Street and town"
            required
            maxLength={500}
            className="w-64"
          />
          <TextField
            id="address.country"
            name="address.country"
            label="Country"
            required
            maxLength={80}
            className="w-32"
          />
          <Button type="submit" isPending={pending}>
            Add address
          </Button>
        </form>
      </div>
      <ColumnTable label="Buyers" rows={buyers} columns={columns} idName="buyer-id" />
    </Card>
  );
}
