import { isIP } from 'node:net';

// The local admin key may reach a browser only from this machine, addressed by a loopback name:
// a DNS-rebound name (evil.example resolving to 127.0.0.1) arrives with its own Host header and is
// refused, and so is any other machine on the network.

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  if (isIP(v4) === 4) return v4.startsWith('127.');
  return address === '::1';
}

/** The host name of a Host header, without its port (`[::1]:4000` gives `[::1]`). */
function hostName(host: string): string {
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
}

export function mayReceiveLocalKey(remoteAddress: string | undefined, hostHeader: string | undefined): boolean {
  return isLoopbackAddress(remoteAddress) && hostHeader !== undefined && LOOPBACK_HOSTS.has(hostName(hostHeader.toLowerCase()));
}
