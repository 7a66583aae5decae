// Prettier: 120 columns (the code's existing width), double quotes, trailing commas; imports in
// four groups (node builtins, packages, "@/…", relative). Applied to the whole tree once, at merge.
/** @type {import("prettier").Config & import("@ianvs/prettier-plugin-sort-imports").PluginConfig} */
const config = {
  printWidth: 120,
  plugins: ["@ianvs/prettier-plugin-sort-imports"],
  importOrder: ["<BUILTIN_MODULES>", "<THIRD_PARTY_MODULES>", "", "^@/(.*)$", "", "^[.]"],
  importOrderTypeScriptVersion: "5.9.0",
};

export default config;
