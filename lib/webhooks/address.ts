// Where a webhook may be sent: http(s) only, no credentials in the URL, and no private, loopback or
// otherwise non-public address unless an admin allows them (the webhooks_allow_private setting).
// A literal address is checked when the endpoint is registered; a name is checked when it is sent
// to, against every address it resolves to, and the connection uses the address checked (so a
// name that later resolves elsewhere cannot slip past).
import dns from "node:dns";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

import { ApiError } from "@/lib/api/errors";

/** Public unicast only: loopback, private, link-local, unique-local, carrier-grade NAT, multicast and reserved are not. */
export function isPublicAddress(address: string): boolean {
  return ipaddr.isValid(address) && ipaddr.process(address).range() === "unicast";
}

const refuse = (message: string) => new ApiError("rule_broken", `url: ${message}`, [{ path: "url", message }]);

const privateHint = "; an admin may allow private and loopback addresses on /admin/webhooks";

/** The URL if a webhook may be sent there, else ApiError rule_broken (422). Resolves no name. */
export function checkWebhookUrl(raw: string, { allowPrivate }: { allowPrivate: boolean }): URL {
  if (!URL.canParse(raw)) throw refuse("is not a URL");
  const url = new URL(raw);
  if (url.protocol !== "http:" && url.protocol !== "https:") throw refuse("must be an http or https URL");
  if (url.username || url.password) throw refuse("must not carry a user name or password");
  if (allowPrivate) return url;
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) throw refuse(`${host} is a loopback name${privateHint}`);
  if (ipaddr.isValid(host) && !isPublicAddress(host))
    throw refuse(`${host} is a ${ipaddr.process(host).range()} address, not a public one${privateHint}`);
  return url;
}

export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const systemResolver: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true });

/** A `lookup` for http.request that refuses a name resolving to any non-public address (unless allowed). */
export function vettedLookup(allowPrivate: boolean, resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const bad = allowPrivate ? undefined : addresses.find((a) => !isPublicAddress(a.address));
        if (!addresses.length || bad) {
          const why = bad ? `resolves to ${bad.address}, not a public address` : "resolves to no address";
          const error = Object.assign(new Error(`${hostname} ${why}`), { code: "EADDRREFUSED" });
          return callback(error, "", 0);
        }
        if (options.all) return (callback as (e: null, a: typeof addresses) => void)(null, addresses);
        const first = addresses.find((a) => !options.family || a.family === options.family) ?? addresses[0];
        callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 0),
    );
  };
}
