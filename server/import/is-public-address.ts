// Decides whether an IP address may be fetched from: public unicast only.
import ipaddr from "ipaddr.js";

/** IPv6 global unicast; anything outside it (e.g. the old IPv4-compatible ::a.b.c.d) is refused. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR("2000::/3");

/**
 * True when `address` (IPv4 or IPv6 text) is public unicast. Private, loopback, link-local,
 * multicast, broadcast, unspecified, unique-local, carrier-grade NAT, reserved and documentation
 * ranges are refused, as are IPv6 forms embedding an IPv4 address (6to4, Teredo, NAT64,
 * IPv4-compatible) except IPv4-mapped addresses, which are judged as the IPv4 address they map.
 * An IPv6 address must also lie in global unicast (2000::/3). Invalid text is refused.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  if (parsed.range() !== "unicast") return false;
  return parsed.kind() === "ipv4" || (parsed as ipaddr.IPv6).match(GLOBAL_UNICAST_V6);
}
