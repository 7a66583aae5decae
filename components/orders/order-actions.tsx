"use client";

// What may be done to an order in its state, as buttons: each outcome a toast, then the page's data
// read again. Cancelling and refunding ask first, with an optional note. While its tokens are on
// their way, the page says so and is read again every 2 s until the indexer marks it shipped.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

import { Button, type ButtonVariant } from "@/components/ui/button";
import { NoteDialog } from "@/components/ui/note-dialog";
import { useToastedAction } from "@/components/use-toasted-action";
import type { orderStatuses } from "@/lib/db/enums";
import { attempt } from "@/lib/endpoints/client";
import type { OrderAction } from "@/lib/orders/schemas";

type Status = (typeof orderStatuses)[number];

/** The actions each state allows (lib/orders/transitions.ts refuses the rest with a 409). */
const allowed: Record<Status, OrderAction[]> = {
  draft: ["confirm", "cancel"],
  confirmed: ["reserve", "cancel"],
  reserved: ["ship", "cancel"],
  shipped: ["deliver", "refund"],
  delivered: ["refund"],
  cancelled: [],
  refunded: [],
};

const buttons: Record<OrderAction, { label: string; variant: ButtonVariant; done: string }> = {
  confirm: { label: "Confirm", variant: "primary", done: "confirmed: its lines are reserved" },
  reserve: { label: "Reserve again", variant: "primary", done: "reserved again" },
  ship: { label: "Ship", variant: "primary", done: "is shipping: its tokens are being sent" },
  deliver: { label: "Mark delivered", variant: "primary", done: "marked delivered" },
  cancel: { label: "Cancel order", variant: "danger", done: "cancelled; its reservations are released" },
  refund: { label: "Refund", variant: "danger", done: "refunded" },
};

/** Asked before they run: neither can be undone. */
const asked = { cancel: "Yes, cancel order", refund: "Yes, refund" } as const;
type Asked = keyof typeof asked;
const isAsked = (a: OrderAction): a is Asked => a in asked;

type Props = { orderId: number; status: Status; isShipping: boolean; canAct: boolean };

export function OrderActions({ orderId, status, isShipping, canAct }: Props) {
  const router = useRouter();
  const { running, run: runToasted } = useToastedAction<OrderAction>();
  const [asking, setAsking] = useState<Asked | null>(null);

  useEffect(() => {
    if (!isShipping) return;
    const timer = setInterval(() => router.refresh(), 2_000);
    return () => clearInterval(timer);
  }, [isShipping, router]);

  function run(action: OrderAction, withNote?: string) {
    const body = withNote?.trim() ? { note: withNote.trim() } : {};
    const request = () =>
      attempt("POST /api/orders/[order_id]/[action]", { params: { order_id: orderId, action }, body });
    return runToasted(request, `Order #${orderId} ${buttons[action].done}.`, action);
  }

  // While shipping, shipping again or cancelling is refused: only the progress shows.
  const actions = canAct && !isShipping ? allowed[status] : [];
  return (
    <div className="flex flex-wrap items-center gap-2">
      {isShipping && (
        <p role="status" className="text-sm text-sky-800 dark:text-sky-300" data-testid="shipping">
          Shipping…
        </p>
      )}
      {actions.map((action) => (
        <Button
          key={action}
          variant={buttons[action].variant}
          isPending={running === action}
          disabled={running !== null}
          onClick={() => (isAsked(action) ? setAsking(action) : run(action))}
        >
          {buttons[action].label}
        </Button>
      ))}
      {asking && (
        <NoteDialog
          title={`${buttons[asking].label} #${orderId}?`}
          description={
            asking === "cancel"
              ? "The order is cancelled and its reservations released; this cannot be undone."
              : "The order is marked refunded; this cannot be undone."
          }
          note={{ id: "order-note", label: "Note (optional)", maxLength: 1000 }}
          confirm={asked[asking]}
          variant="danger"
          onConfirm={(note) => {
            setAsking(null);
            void run(asking, note);
          }}
          onClose={() => setAsking(null)}
        />
      )}
    </div>
  );
}
