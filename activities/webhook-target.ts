import dns from 'node:dns/promises';
import net from 'node:net';

/** A webhook URL this worker will not call; the message says which host and how to allow it. */
export class WebhookTargetError extends Error {
  constructor(readonly host: string, message: string) {
    super(message);
    this.name = 'WebhookTargetError';
  }
}

/** Resolves a host name to its addresses. */
export type HostLookup = (host: string) => Promise<string[]>;

const internal = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) {
  internal.addSubnet(prefix, bits, 'ipv4');
}
for (const [prefix, bits] of [
  ['::', 127], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8],
] as const) {
  internal.addSubnet(prefix, bits, 'ipv6');
}

/** Whether an address is loopback, private, link-local, multicast or unspecified. */
export function isInternalAddress(address: string): boolean {
  // An IPv4-mapped IPv6 address reaches the IPv4 host it names.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) {
    return internal.check(mapped[1], 'ipv4');
  }
  return internal.check(address, net.isIPv6(address) ? 'ipv6' : 'ipv4');
}

async function lookupAll(host: string): Promise<string[]> {
  const answers = await dns.lookup(host, { all: true });
  return answers.map((answer) => answer.address);
}

/**
 * Refuses a webhook URL unless its host is on the allow-list, or, with no list, unless every
 * address it resolves to is public.
 */
export async function checkWebhookTarget(
  url: string,
  allowHosts: readonly string[],
  lookup: HostLookup = lookupAll,
): Promise<void> {
  const parsed = new URL(url);
  const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    const problem = `webhook URL must be http or https, not ${parsed.protocol}`;
    throw new WebhookTargetError(host, problem);
  }

  if (allowHosts.length > 0) {
    if (allowHosts.includes(host)) {
      return;
    }
    const listed = allowHosts.join(', ');
    throw new WebhookTargetError(host, `webhook host ${host} is not in `
      + `MOLBATCH_WEBHOOK_ALLOW_HOSTS (${listed}); add it there on the worker to allow it`);
  }

  const addresses = net.isIP(host) ? [host] : await lookup(host);
  const blocked = addresses.find(isInternalAddress);
  if (blocked) {
    throw new WebhookTargetError(host, `webhook host ${host} is a private or loopback address ` +
      `(${blocked}); set MOLBATCH_WEBHOOK_ALLOW_HOSTS=${host} on the worker to allow it`);
  }
}
