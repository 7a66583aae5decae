// A batch's kilograms as the inventory shows them: redeemed and expired coffee is no longer in
// stock, so its quantity is struck through and says why, never shown as present; what is available
// to sell, with what orders have reserved.
import { formatDecimal } from "@/lib/format";

export const isGone = (status: string) => status === "redeemed" || status === "expired";

export function Quantity({ kg, status }: { kg: string; status: string }) {
  if (!isGone(status)) return <>{formatDecimal(kg, 3)}</>;
  return (
    <span className="text-stone-400" title={`${formatDecimal(kg, 3)} kg minted; none of it is in stock`}>
      <s>{formatDecimal(kg, 3)}</s> {status}
    </span>
  );
}

const isZero = (kg: string | null) => !kg || !/[1-9]/.test(kg);

/** What is left to sell, and under it what orders have reserved (when they have). */
export function Available({
  batch,
}: {
  batch: { on_hand_kg: string | null; reserved_kg: string | null; available_kg: string | null };
}) {
  return (
    <span
      title={`${formatDecimal(batch.on_hand_kg, 3)} kg on hand, ${formatDecimal(batch.reserved_kg, 3)} kg reserved for orders`}
    >
      {formatDecimal(batch.available_kg, 3)}
      {!isZero(batch.reserved_kg) && (
        <span className="block text-xs text-stone-500">{formatDecimal(batch.reserved_kg, 3)} reserved</span>
      )}
    </span>
  );
}
