/**
 * Which network addresses a receipt download may connect to. A `downloadUrl` comes from the
 * posted activity, so anyone who can post one could point the bot at its own network (an admin
 * page on 10.x, a cloud metadata service on 169.254.169.254) and have the answer become their
 * "receipt". Only public unicast addresses pass; this machine passes too while auth is off, for
 * the Playground and the local file host of the tests.
 */
import { BlockList, isIPv4, isIPv6 } from 'node:net';

export type AddressVerdict = 'public' | 'loopback' | 'refused';

/** Never public: private, link-local, CGNAT, multicast, reserved and documentation ranges. */
const refusedV4: ReadonlyArray<[string, number]> = [
  ['0.0.0.0', 8], // "this network", 0.0.0.0 itself
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT, also used inside cloud networks
  ['169.254.0.0', 16], // link-local, cloud metadata services
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast address
];
const refusedV6: ReadonlyArray<[string, number]> = [
  ['::', 96], // unspecified and the old IPv4-compatible form
  ['100::', 64], // discard-only
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique-local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // old site-local
  ['ff00::', 8], // multicast
];

const refused = new BlockList();
for (const [net, prefix] of refusedV4) refused.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of refusedV6) refused.addSubnet(net, prefix, 'ipv6');
const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** The eight 16-bit groups of an IPv6 address (zone id dropped), or undefined if it is none. */
function ipv6Groups(address: string): number[] | undefined {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!isIPv6(bare)) return undefined;
  let text = bare;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const [a, b, c, d] = dotted[1].split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, -dotted[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const zeros = 8 - left.length - right.length;
  return [...left, ...Array<number>(Math.max(zeros, 0)).fill(0), ...right];
}

const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;

/**
 * The IPv4 address an IPv6 one carries, so `::ffff:10.0.0.1` (mapped), `64:ff9b::a00:1` (NAT64)
 * and `2002:a00:1::` (6to4) are judged as the 10.0.0.1 they reach.
 */
function embeddedIPv4(g: number[]): string | undefined {
  const [g0, g1, g2, g3, g4, g5, g6, g7] = g as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0xffff) return v4(g6, g7);
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0)
    return v4(g6, g7);
  if (g0 === 0x2002) return v4(g1, g2);
  return undefined;
}

/** How a resolved address (or an IP literal from a URL) may be used. */
export function classifyAddress(address: string): AddressVerdict {
  if (isIPv4(address)) {
    if (loopback.check(address, 'ipv4')) return 'loopback';
    return refused.check(address, 'ipv4') ? 'refused' : 'public';
  }
  const groups = ipv6Groups(address);
  if (!groups) return 'refused';
  const inner = embeddedIPv4(groups);
  if (inner !== undefined) return classifyAddress(inner);
  const canonical = groups.map((g) => g.toString(16)).join(':');
  if (loopback.check(canonical, 'ipv6')) return 'loopback';
  return refused.check(canonical, 'ipv6') ? 'refused' : 'public';
}

/** Public always; this machine only while auth is off; everything else never. */
export function mayConnect(address: string, authEnabled: boolean): boolean {
  const verdict = classifyAddress(address);
  return verdict === 'public' || (verdict === 'loopback' && !authEnabled);
}
