import { timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";

/**
 * Browser-mode request checks, kept pure so each rule is unit-tested on its own. The server binds
 * to loopback by default; these rules stop the attacks that loopback alone does not: other web
 * pages in the user's browser (Origin), DNS rebinding (Host), and other local users or processes
 * (the token).
 */
export interface Gate {
  port: number;
  /** Remote access was allowed explicitly: IP-literal Host headers and the listed names pass too. */
  allowRemote: boolean;
  /** Extra host names accepted with allowRemote (the machine's name, --allowed-host). */
  names: readonly string[];
  token: string;
}

export type Verdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

const LOOPBACK_NAMES = ["127.0.0.1", "localhost", "[::1]"];

/**
 * A DNS-rebinding page reaches us under its own domain name, so the Host header must name this
 * server: a loopback name, or with remote access an IP literal or a configured name.
 */
export function checkHost(host: string | undefined, gate: Gate): Verdict {
  if (!host) return { ok: false, status: 403, reason: "missing Host header" };
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:]+)(?::(\d+))?$/.exec(host);
  if (!m || Number(m[2] ?? 80) !== gate.port) return { ok: false, status: 403, reason: "unexpected Host header" };
  const name = m[1].toLowerCase();
  if (LOOPBACK_NAMES.includes(name)) return { ok: true };
  if (gate.allowRemote && (isIP(name.replace(/^\[|\]$/g, "")) !== 0 || gate.names.includes(name))) return { ok: true };
  return { ok: false, status: 403, reason: "unexpected Host header" };
}

/**
 * Browsers send Origin with every WebSocket handshake and cross-site request; it must be this
 * server's own origin. A request without Origin does not come from a web page (curl, tests) and
 * still needs the token.
 */
export function checkOrigin(origin: string | undefined, host: string | undefined): Verdict {
  if (origin === undefined) return { ok: true };
  if (host && (origin === `http://${host}` || origin === `https://${host}`)) return { ok: true };
  return { ok: false, status: 403, reason: "foreign Origin" };
}

/** The token from the cookie, the `token` query parameter or an `Authorization: Bearer` header. */
export function presentedToken(
  headers: { cookie?: string; authorization?: string },
  url: URL,
  cookieName: string,
): string | null {
  const cookie = new RegExp(`(?:^|;\\s*)${cookieName}=([^;]+)`).exec(headers.cookie ?? "")?.[1];
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? "")?.[1];
  return url.searchParams.get("token") ?? bearer ?? cookie ?? null;
}

export function checkToken(given: string | null, gate: Gate): Verdict {
  if (given === null) {
    return {
      ok: false,
      status: 401,
      reason: "open the URL that `netforge serve` printed (it carries the access token)",
    };
  }
  return sameSecret(given, gate.token) ? { ok: true } : { ok: false, status: 403, reason: "wrong token" };
}

/** Constant-time comparison, so response timing does not reveal how much of a guess was right. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Cookies are shared across ports of one host, so the name carries the port. */
export function cookieNameFor(port: number): string {
  return `netforge_token_${port}`;
}

/** The page's Content-Security-Policy: only our own scripts, and sockets back to this server. */
export function contentSecurityPolicy(host: string): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ws://${host}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}
