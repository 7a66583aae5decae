// The Merkle tree over audit records that AuditAnchor stores the root of. Browser-safe.
//   leaf  = keccak256(0x00 || uint64 position || bytes32 record hash)
//   inner = keccak256(0x01 || left || right)
// Leaves in position order (never sorted pairs); at each level an odd last node is promoted
// unchanged. The prefixes keep a leaf from ever passing for an inner node.
import { encodePacked, keccak256, type Hex } from "viem";

export type ProofStep = { side: "left" | "right"; hash: Hex };

export function leafHash(position: number, recordHash: string): Hex {
  return keccak256(
    encodePacked(["uint8", "uint64", "bytes32"], [0, BigInt(position), `0x${recordHash.replace(/^0x/, "")}`]),
  );
}

export function innerHash(left: Hex, right: Hex): Hex {
  return keccak256(encodePacked(["uint8", "bytes32", "bytes32"], [1, left, right]));
}

function nextLevel(level: Hex[]): Hex[] {
  const next: Hex[] = [];
  for (let i = 0; i < level.length; i += 2)
    next.push(i + 1 < level.length ? innerHash(level[i], level[i + 1]) : level[i]);
  return next;
}

export function merkleRoot(leaves: Hex[]): Hex {
  if (!leaves.length) throw new Error("a Merkle tree needs at least one leaf");
  let level = leaves;
  while (level.length > 1) level = nextLevel(level);
  return level[0];
}

/** Node `i`'s sibling in its level, with the side it sits on; none for a promoted last node. */
function siblingOf(level: Hex[], i: number): ProofStep | null {
  const sibling = i % 2 === 0 ? i + 1 : i - 1;
  return sibling < level.length ? { side: i % 2 === 0 ? "right" : "left", hash: level[sibling] } : null;
}

/** The siblings from leaf `index` up to the root, each with the side it sits on. */
export function merkleProof(leaves: Hex[], index: number): ProofStep[] {
  if (index < 0 || index >= leaves.length) throw new Error(`leaf ${index} is not in a tree of ${leaves.length}`);
  const steps: ProofStep[] = [];
  for (let level = leaves, i = index; level.length > 1; level = nextLevel(level), i = Math.floor(i / 2)) {
    const step = siblingOf(level, i);
    if (step) steps.push(step);
  }
  return steps;
}

/** Every leaf's path (as merkleProof gives it), building the tree once: n log n hashes, not n². */
export function merklePaths(leaves: Hex[]): ProofStep[][] {
  const paths: ProofStep[][] = leaves.map(() => []);
  // Which node of the current level each leaf sits under.
  const nodeOf = leaves.map((_, i) => i);
  for (let level = leaves; level.length > 1; level = nextLevel(level))
    for (const [leaf, i] of nodeOf.entries()) {
      const step = siblingOf(level, i);
      if (step) paths[leaf].push(step);
      nodeOf[leaf] = Math.floor(i / 2);
    }
  return paths;
}

export function rootFromProof(leaf: Hex, steps: ProofStep[]): Hex {
  return steps.reduce((node, s) => (s.side === "left" ? innerHash(s.hash, node) : innerHash(node, s.hash)), leaf);
}
