/**
 * The Host names the server answers to, against DNS rebinding: a page on another site whose name
 * the attacker re-points at 127.0.0.1 sends its own name in `Host`, so refusing names that are not
 * ours keeps such pages from reading the API. Loopback names are always accepted; a server bound
 * to another address also accepts IP addresses (a rebound name is never an IP address) and the
 * names it is configured with (`serve --allowed-host`, SWITCHBOARD_ALLOWED_HOSTS).
 */
import { isIP } from 'node:net';
import type { MiddlewareHandler } from 'hono';
import { problemResponse } from './problem.js';

export const ALLOWED_HOSTS_ENV = 'SWITCHBOARD_ALLOWED_HOSTS';

export interface HostAllowList {
  /** True when the server listens on a loopback address only. */
  loopbackOnly: boolean;
  /** Configured names, lower case: `name`, `.domain` (it and every subdomain) or `*` (any). */
  names: readonly string[];
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** True for an address or name that only reaches this machine. */
export function isLoopback(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (isIP(name) === 4) return name.startsWith('127.');
  return name === '::1' || name === '0:0:0:0:0:0:0:1';
}

/** Names from a comma- or space-separated list (the environment variable). */
export function parseAllowedHosts(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[\s,]+/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** The allow-list of a server listening on `bindHost` with these configured names. */
export function hostAllowList(bindHost: string, names: readonly string[] = []): HostAllowList {
  return {
    loopbackOnly: isLoopback(bindHost),
    names: names.map((name) => normalizeName(name)).filter((name) => name !== ''),
  };
}

function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

/** The name part of a Host header (`[::1]:8080` → `::1`, `Example.org.:80` → `example.org`). */
export function hostName(header: string): string | undefined {
  const text = header.trim().toLowerCase();
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d*)?$/.exec(text);
  if (bracketed) return bracketed[1];
  const plain = /^([^:\s/@[\]]+)(?::\d*)?$/.exec(text);
  return plain?.[1]?.replace(/\.$/, '');
}

/** Whether a request with this Host header may be answered. */
export function isAllowedHost(header: string | undefined, list: HostAllowList): boolean {
  if (header === undefined) return false;
  const name = hostName(header);
  if (name === undefined || name === '') return false;
  if (isLoopback(name)) return true;
  for (const allowed of list.names) {
    if (allowed === '*' || allowed === name) return true;
    if (allowed.startsWith('.') && (name === allowed.slice(1) || name.endsWith(allowed))) {
      return true;
    }
  }
  return !list.loopbackOnly && isIP(name) !== 0;
}

function shown(header: string): string {
  const oneLine = header.replace(/[^\x20-\x7e]/g, '?');
  return oneLine.length > 100 ? `${oneLine.slice(0, 100)}…` : oneLine;
}

/** Answer 421 `request.host_not_allowed` to a request whose Host is not on the list. */
export function checkHost(list: HostAllowList): MiddlewareHandler {
  const accepted = [
    ...LOOPBACK_NAMES,
    ...(list.loopbackOnly ? [] : ['IP addresses']),
    ...list.names,
  ].join(', ');
  return async (c, next) => {
    const header = c.req.header('host');
    // An absolute request target (`GET http://name/ HTTP/1.1`) names the host too.
    if (isAllowedHost(header, list) && isAllowedHost(new URL(c.req.url).host, list)) return next();
    const name = header === undefined ? undefined : hostName(header);
    const what =
      header === undefined ? 'A request without a Host header' : `Host "${shown(header)}"`;
    const how =
      name === undefined || name === ''
        ? ''
        : ` To serve this name, start the server with --allowed-host ${shown(name)} (or add it to ${ALLOWED_HOSTS_ENV}).`;
    return problemResponse(
      c,
      421,
      'request.host_not_allowed',
      `${what} is not one this server answers to (accepted: ${accepted}); refused against DNS rebinding.${how}`,
    );
  };
}
