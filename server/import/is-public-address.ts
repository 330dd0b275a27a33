// Decides whether an IP address may be fetched from: public unicast only.
import ipaddr from "ipaddr.js";

/**
 * True when `address` (IPv4 or IPv6 text) is public unicast. Private, loopback, link-local,
 * multicast, broadcast, unspecified, unique-local, carrier-grade NAT, reserved and documentation
 * ranges are refused, as are IPv6 forms embedding an IPv4 address (6to4, Teredo, NAT64) except
 * IPv4-mapped addresses, which are judged as the IPv4 address they map. Invalid text is refused.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "unicast";
}
