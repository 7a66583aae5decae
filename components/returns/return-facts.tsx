// A return's facts: its order, batch and buyer, how much and why, the contract grade, where it was
// received; then its photos as thumbnails, each opening the photo.
import Link from "next/link";

import { ValueBadge } from "@/components/ui/badge";
import { Facts, type Fact } from "@/components/ui/facts";
import { dateFacts, formatWhen } from "@/components/verification/display";
import { formatDecimal } from "@/lib/format";
import type { ReturnJson } from "@/lib/returns/returns";

import { reasonLabels } from "./words";

export function ReturnFacts({ ret }: { ret: ReturnJson }) {
  const dates = dateFacts([
    ["Received", ret.received_at],
    ["Inspected", ret.inspected_at],
    ["Decided", ret.decided_at],
    ["Closed", ret.closed_at],
  ]);
  const facts: Fact[] = [
    [
      "Order",
      <Link key="order" href={`/orders/${ret.order_id}`} className="underline">
        #{ret.order_id}
      </Link>,
    ],
    [
      "Batch",
      <Link key="batch" href={`/batches/${ret.batch_id}`} className="font-mono underline">
        {ret.batch_code}
      </Link>,
    ],
    ["Buyer", ret.buyer],
    ["Quantity", `${formatDecimal(ret.quantity_kg, 3)} kg of ${formatDecimal(ret.line_quantity_kg, 3)} kg shipped`],
    ["Reason", reasonLabels[ret.reason]],
    ["Contract grade", ret.contract_grade ? <ValueBadge key="grade" value={ret.contract_grade} /> : null],
    ["Status", ret.status.replaceAll("_", " ")],
    ["Warehouse", ret.warehouse],
    ["Requested", formatWhen(ret.created_at)],
    ...dates,
    ["Note", ret.note],
  ];
  return <Facts facts={facts} className="grid gap-x-8 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-3" />;
}

export function ReturnPhotos({ photos }: { photos: ReturnJson["photos"] }) {
  if (photos.length === 0) return null;
  return (
    <ul aria-label="Photos" className="flex flex-wrap gap-3">
      {photos.map((p) => (
        <li key={p.id}>
          <a href={p.url} target="_blank" rel="noreferrer" title={p.filename}>
            {/* eslint-disable-next-line @next/next/no-img-element -- served by our API behind the session, not optimisable */}
            <img
              src={p.url}
              alt={`Photo ${p.filename}`}
              width={96}
              height={96}
              className="h-24 w-24 rounded-md border border-stone-200 object-cover dark:border-stone-800"
            />
          </a>
        </li>
      ))}
    </ul>
  );
}
