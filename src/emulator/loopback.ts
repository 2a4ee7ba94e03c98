import { isIPv4 } from "node:net";

const IPV4_MAPPED_PREFIX = "::ffff:";

/**
 * Whether a peer address is on this machine: 127.0.0.0/8, ::1, or an
 * IPv4 loopback address mapped into IPv6 (`::ffff:127.x.x.x`), which is how
 * a dual-stack socket reports an IPv4 peer.
 */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) {
    return false;
  }
  const lower = address.toLowerCase();
  if (lower === "::1") {
    return true;
  }
  const ipv4 = lower.startsWith(IPV4_MAPPED_PREFIX)
    ? lower.slice(IPV4_MAPPED_PREFIX.length)
    : lower;
  return isIPv4(ipv4) && ipv4.startsWith("127.");
}
