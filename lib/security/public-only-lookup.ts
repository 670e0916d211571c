import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { isPrivateAddress } from "./private-address";

/**
 * A socket `lookup` that resolves like `resolve` (the system's), then refuses private addresses:
 * checked on the very addresses connected to, so a name cannot pass a check and then rebind.
 */
export const publicOnlyLookup =
  (resolve: typeof dnsLookup = dnsLookup): LookupFunction =>
  (hostname, options, callback) =>
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as LookupAddress[];
      const bad = list.find((a) => isPrivateAddress(a.address));
      if (bad) {
        return callback(
          Object.assign(new Error(`${hostname} resolves to a private address (${bad.address})`), {
            code: "EPRIVATE",
          }),
          "",
          0,
        );
      }
      if (options.all) return callback(null, list as unknown as string, 0);
      callback(null, list[0].address, list[0].family);
    });
