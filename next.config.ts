import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["pg"],
  // The test suite builds into its own folder (.next-test), so `npm test` never touches the
  // `.next` that `npm run build` and `npm run dev` use.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default nextConfig;
