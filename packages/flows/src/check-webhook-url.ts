import type { FlowError } from './flow-errors.js';

type UrlProblem = Pick<FlowError, 'code' | 'message'>;

const isLoopbackV4 = (octets: number[]) =>
  octets[0] === 127 || octets.every((octet) => octet === 0);
const isPrivateV4 = ([a = 0, b = 0]: number[]) =>
  a === 10 ||
  (a === 172 && b >= 16 && b <= 31) ||
  (a === 192 && b === 168) ||
  (a === 169 && b === 254) ||
  (a === 100 && b >= 64 && b <= 127);

function ipv4Octets(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part))) return null;
  const octets = parts.map(Number);
  return octets.every((octet) => octet <= 255) ? octets : null;
}

/** The IPv4 address an IPv4-mapped IPv6 literal (`::ffff:127.0.0.1`, `::ffff:7f00:1`) stands for. */
function mappedIpv4(host: string): number[] | null {
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host);
  if (dotted) return ipv4Octets(dotted[1]!);
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (!hex) return null;
  const high = parseInt(hex[1]!, 16);
  const low = parseInt(hex[2]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255];
}

function classifyHost(hostname: string): 'loopback' | 'private' | 'public' {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  const v4 = ipv4Octets(host) ?? mappedIpv4(host);
  if (v4) return isLoopbackV4(v4) ? 'loopback' : isPrivateV4(v4) ? 'private' : 'public';
  if (host === '::1' || host === '::') return 'loopback';
  if (/^f[cd][0-9a-f]{2}:/.test(host) || /^fe[89ab][0-9a-f]:/.test(host)) return 'private';
  return 'public';
}

/**
 * Checks a webhook target before any DNS lookup: http(s) only, not the engine itself, no literal
 * loopback or private address. The engine checks again after resolving the name (a public name
 * may point at 127.0.0.1); this catches what can be seen in the text.
 */
export function checkWebhookUrl(
  text: string,
  engineOrigins: readonly string[] = [],
): UrlProblem | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { code: 'invalid_webhook_url', message: 'The webhook URL is not a valid URL.' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return {
      code: 'invalid_webhook_url',
      message: `A webhook URL must start with http:// or https:// (not ${url.protocol}).`,
    };
  if (url.username || url.password)
    return {
      code: 'invalid_webhook_url',
      message: 'A webhook URL must not carry a user name or password; use a header instead.',
    };
  const kind = classifyHost(url.hostname);
  if (kind === 'loopback')
    return {
      code: 'webhook_targets_loopback',
      message: `A webhook must not call ${url.hostname}: loopback addresses reach the server itself.`,
    };
  if (kind === 'private')
    return {
      code: 'webhook_targets_private_network',
      message: `A webhook must not call ${url.hostname}: private and link-local addresses are not allowed.`,
    };
  const engineHosts = engineOrigins.flatMap((origin) => {
    try {
      return [new URL(origin).hostname.toLowerCase()];
    } catch {
      return [];
    }
  });
  if (engineHosts.includes(url.hostname.toLowerCase()))
    return {
      code: 'webhook_targets_engine',
      message: `A webhook must not call the engine's own API (${url.hostname}): use a flow step instead.`,
    };
  return null;
}
