import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["pg", "epcis2.js", "digital-link.js"],
  // The test suite builds into its own folder (.next-test), so `npm test` never touches the
  // `.next` that `npm run build` and `npm run dev` use.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm run dev` opened at http://127.0.0.1 as well as localhost: Next 16 refuses its dev scripts to
  // other origins, and the page would never hydrate.
  allowedDevOrigins: ["127.0.0.1"],
};

export default nextConfig;
