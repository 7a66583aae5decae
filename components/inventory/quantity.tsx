// A batch's kilograms as the inventory shows them: redeemed and expired coffee is no longer in
// stock, so its quantity is struck through and says why, never shown as present.
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
