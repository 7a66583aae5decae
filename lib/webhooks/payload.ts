// The body every attempt of a delivery sends, the Standard Webhooks shape: {type, timestamp, data}.
import type { outboundEvents } from "@/lib/db/schema";

type Event = Pick<typeof outboundEvents.$inferSelect, "type" | "createdAt" | "data">;

export const payloadOf = (event: Event) =>
  JSON.stringify({ type: event.type, timestamp: event.createdAt.toISOString(), data: event.data });

export const messageIdOf = (eventId: number) => `msg_${eventId}`;
