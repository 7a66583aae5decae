// The main navigation each role sees, written out by hand: every link in its order, less those the role may not use.
const links = [
  "Dashboard",
  "Inventory",
  "Add batch",
  "Verification",
  "Events",
  "Stock",
  "Movements",
  "Orders",
  "Returns",
  "Analytics",
  // plots
  "EUDR",
  "Admin",
  "API",
];
const hidden: Record<"admin" | "operator" | "verifier" | "viewer", string[]> = {
  admin: [],
  operator: ["Admin"],
  verifier: ["Add batch", "Admin"],
  viewer: ["Add batch", "Admin"],
};

export const navFor = Object.fromEntries(
  Object.entries(hidden).map(([role, not]) => [role, links.filter((l) => !not.includes(l))]),
) as typeof hidden;
