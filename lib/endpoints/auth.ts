// Sign-in: next-auth's own routes and the Sign-In With Ethereum nonce.
import { z } from "zod";

import { open } from "@/lib/auth/permissions";

import { endpoints } from "./define";

const nextAuth = { contentType: "application/json", description: "next-auth's answer (JSON, or a redirect)." };

export const auth = endpoints({
  nextAuthGet: {
    route: "GET /api/auth/[...nextauth]",
    rule: open,
    summary: "next-auth: session, CSRF token, providers, sign-out page.",
    response: nextAuth,
  },

  nextAuthPost: {
    route: "POST /api/auth/[...nextauth]",
    rule: open,
    summary:
      "next-auth: sign in (password or siwe callback) and sign out. Sign-in attempts are rate limited (429 with Retry-After).",
    response: nextAuth,
  },

  siweNonce: {
    route: "POST /api/auth/siwe/nonce",
    rule: open,
    summary: "A single-use nonce for a Sign-In With Ethereum (EIP-4361) message; valid 10 minutes.",
    response: z.object({ nonce: z.string() }),
    statuses: [201],
  },
});
