import next from "eslint-config-next";
import nextTs from "eslint-config-next/typescript";

export default [
  ...next,
  ...nextTs,
  { ignores: [".next/**", ".next-*/**", ".data/**", "node_modules/**", "lib/chain/abi.ts", "next-env.d.ts", "playwright-report/**", "test-results/**"] },
];
