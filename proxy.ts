// Runs before every page and API request: a per-request CSP nonce and the security headers.
import { NextResponse, type NextRequest } from "next/server";

import { fileContentSecurityPolicy, strictTransportSecurity } from "@/lib/api/security-headers";
import { getEnv } from "@/lib/env";

function contentSecurityPolicy(nonce: string): string {
  const env = getEnv();
  const rpc = env.PUBLIC_RPC_URL ?? (env.CHAIN_ID === 31337 ? env.RPC_URL : undefined);
  const connect = [
    "'self'",
    rpc && new URL(rpc).origin,
    env.WALLETCONNECT_PROJECT_ID &&
      "https://*.walletconnect.com wss://*.walletconnect.com https://*.walletconnect.org wss://*.walletconnect.org",
  ];
  const isDev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect.filter(Boolean).join(" ")}`,
    env.WALLETCONNECT_PROJECT_ID
      ? "frame-src https://verify.walletconnect.com https://verify.walletconnect.org"
      : "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("x-pathname", request.nextUrl.pathname);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  // The proxy's headers replace the route's, so uploaded files get their sandbox here.
  response.headers.set(
    "content-security-policy",
    request.nextUrl.pathname.startsWith("/api/files/") ? fileContentSecurityPolicy : csp,
  );
  if (process.env.NODE_ENV === "production") response.headers.set("strict-transport-security", strictTransportSecurity);
  response.headers.set("referrer-policy", "strict-origin-when-cross-origin");
  response.headers.set("x-content-type-options", "nosniff");
  response.headers.set("x-frame-options", "DENY");
  response.headers.set("permissions-policy", "camera=(), microphone=(), geolocation=()");
  return response;
}

export const config = { matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }] };
