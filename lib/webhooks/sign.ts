// The Standard Webhooks headers of one attempt: the message id (the same on every attempt), this
// attempt's time, and one `v1,` signature per secret, space-separated (a receiver accepts any).
import { Webhook } from "standardwebhooks";

export const userAgent = "Batchtrail-Webhooks/1";

export function webhookHeaders(messageId: string, timestamp: Date, body: string, secrets: string[]) {
  return {
    "content-type": "application/json",
    "user-agent": userAgent,
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
    "webhook-signature": secrets.map((s) => new Webhook(s).sign(messageId, timestamp, body)).join(" "),
  };
}
