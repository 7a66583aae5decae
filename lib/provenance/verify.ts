// The proof verifier, the same in Node and the browser: recompute the record's hash from its content,
// then its leaf, then the root along the path, and compare with the root AuditAnchor holds.
import { BaseError, sha256, stringToBytes, type Address, type Hex, type PublicClient } from "viem";

import { recordContent } from "@/lib/audit/content";
import { auditAnchorAbi } from "@/lib/chain/abi";

import { leafHash, rootFromProof, type ProofStep } from "./merkle";

export type ProofRecord = {
  position: number;
  entity: string;
  entity_id: string;
  batch_id: number | null;
  action: string;
  actor_kind: string;
  actor_id: string | null;
  before: unknown;
  after: unknown;
  tx_hash: string | null;
  note: string | null;
  created_at: string;
  prev_hash: string;
  hash: string;
};

export type Proof = {
  position: number;
  hash: string;
  /** The record itself; the public trace page leaves it out and checks from the hash on. */
  record: ProofRecord | null;
  leaf: Hex;
  path: ProofStep[];
  root: Hex | null;
  chain_id: number;
  contract_address: Address;
  anchor: {
    anchor_index: number;
    from_position: number;
    to_position: number;
    root: Hex;
    tx_hash: string;
    block_number: number;
  } | null;
};

export type Verdict = {
  isVerified: boolean;
  status: "verified" | "not_anchored" | "mismatch" | "unreachable";
  message: string;
  block: number | null;
};

const fail = (message: string): Verdict => ({ isVerified: false, status: "mismatch", message, block: null });

export function hashOfRecord(r: ProofRecord): string {
  const content = recordContent({
    prevHash: r.prev_hash,
    position: r.position,
    entity: r.entity,
    entityId: r.entity_id,
    batchId: r.batch_id,
    action: r.action,
    actorKind: r.actor_kind,
    actorId: r.actor_id,
    before: r.before,
    after: r.after,
    txHash: r.tx_hash,
    note: r.note,
    createdAt: new Date(r.created_at),
  });
  return sha256(stringToBytes(content)).slice(2);
}

/** The root a proof's path leads to, or the verdict that stops it before the chain's root matters. */
function rootOf(proof: Proof): { root: Hex } | { verdict: Verdict } {
  if (proof.record) {
    const computed = hashOfRecord(proof.record);
    if (computed !== proof.hash)
      return {
        verdict: fail(
          `Record ${proof.position} was changed: its content hashes to ${computed.slice(0, 12)}…, but the log says ${proof.hash.slice(0, 12)}….`,
        ),
      };
  }
  const leaf = leafHash(proof.position, proof.hash);
  if (leaf !== proof.leaf)
    return {
      verdict: fail(
        `Record ${proof.position}'s leaf is ${leaf.slice(0, 12)}…, not the ${proof.leaf.slice(0, 12)}… the proof gives.`,
      ),
    };
  if (!proof.anchor || !proof.root)
    return {
      verdict: {
        isVerified: false,
        status: "not_anchored",
        message: `Record ${proof.position} is not anchored yet.`,
        block: null,
      },
    };
  const root = rootFromProof(leaf, proof.path);
  if (root !== proof.root)
    return {
      verdict: fail(
        `The path from record ${proof.position} leads to root ${root.slice(0, 12)}…, not the proof's ${proof.root.slice(0, 12)}….`,
      ),
    };
  return { root };
}

function compareRoots(proof: Proof, root: Hex, onChain: Hex): Verdict {
  if (onChain !== root)
    return fail(
      `The root anchored on chain for record ${proof.position} is ${onChain.slice(0, 12)}…; the record gives ${root.slice(0, 12)}….`,
    );
  const block = proof.anchor!.block_number;
  return {
    isVerified: true,
    status: "verified",
    message: `Record proven against the root anchored on chain at block ${block}.`,
    block,
  };
}

/** Checks a proof against the chain; says "record proven … on chain at block N" (the record, not the batch: a batch is verified on chain only by its own event) or exactly what does not match. */
export async function verifyProof(proof: Proof, client: PublicClient): Promise<Verdict> {
  const local = rootOf(proof);
  if ("verdict" in local) return local.verdict;
  let onChain: Hex;
  try {
    const [, found] = await client.readContract({
      address: proof.contract_address,
      abi: auditAnchorAbi,
      functionName: "findAnchor",
      args: [BigInt(proof.position)],
    });
    onChain = found.root;
  } catch (error) {
    const reason = error instanceof BaseError ? error.shortMessage : String(error);
    if (/RecordNotAnchored/.test(String(error))) return fail(`The chain has no anchor for record ${proof.position}.`);
    // Not a mismatch: nothing was compared.
    return { isVerified: false, status: "unreachable", message: `The chain could not be read: ${reason}`, block: null };
  }
  return compareRoots(proof, local.root, onChain);
}

/** The same check against the root AuditAnchor holds for the proof's range, read from the chain before: no RPC call. */
export function verifyProofWithRoot(proof: Proof, onChain: Hex): Verdict {
  const local = rootOf(proof);
  return "verdict" in local ? local.verdict : compareRoots(proof, local.root, onChain);
}
