// Provenance: an audit record's Merkle proof, and printable labels with a QR code to the trace page.
import { z } from "zod";

import { readers } from "@/lib/auth/permissions";
import { ZLabelQuery } from "@/lib/labels/schemas";

import { endpoints } from "./define";
import { numberOrNull, textOrNull } from "./shapes";

/** `0x…` hex, typed as viem types it. */
const hex = z.templateLiteral(["0x", z.string()]);

export const provenance = endpoints({
  auditProof: {
    route: "GET /api/audit/[record_id]/proof",
    rule: readers,
    summary:
      "An audit record (record_id = its position, the id AuditAnchor knows) with its Merkle leaf, the path of sibling hashes to the root, the root, and the anchor: range, on-chain index, transaction and block. `anchor` and `root` are null until the record is anchored.",
    response: z.object({
      position: z.number(),
      hash: z.string(),
      record: z
        .object({
          position: z.number(),
          entity: z.string(),
          entity_id: z.string(),
          batch_id: numberOrNull,
          action: z.string(),
          actor_kind: z.string(),
          actor_id: textOrNull,
          before: z.unknown(),
          after: z.unknown(),
          tx_hash: textOrNull,
          note: textOrNull,
          created_at: z.string(),
          prev_hash: z.string(),
          hash: z.string(),
        })
        .nullable(),
      leaf: hex,
      path: z.array(z.object({ side: z.enum(["left", "right"]), hash: hex })),
      root: hex.nullable(),
      chain_id: z.number(),
      contract_address: hex,
      anchor: z
        .object({
          anchor_index: z.number(),
          from_position: z.number(),
          to_position: z.number(),
          root: hex,
          tx_hash: z.string(),
          block_number: z.number(),
        })
        .nullable(),
    }),
  },

  labels: {
    route: "GET /api/labels",
    rule: readers,
    summary:
      "Printable labels for the batches named by `ids` (database ids, comma-separated): `format=pdf` (A4 sheets of 2 × 4, up to 200) or `png` (two per row, up to 40), each with the batch code, its origin and a QR code of its GS1 Digital Link `/01/{GTIN}/10/{lot}` (under PUBLIC_APP_URL when set, else AUTH_URL, else this request's host), which the app resolves to `/trace/{batch_code}`. 404 names any id the database does not have.",
    query: ZLabelQuery,
    response: { contentType: "application/pdf", description: "The labels as a PDF, or a PNG with `format=png`." },
  },
});
