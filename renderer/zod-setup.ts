import { z } from "zod";

/**
 * Zod compiles object schemas with `new Function` when it can (a speed-up it probes for on first
 * use). The window's Content-Security-Policy forbids eval ("script-src 'self'"), so the probe
 * would log a CSP violation in every window; jitless mode parses the same without it. This module
 * must run before any schema does: renderer/api/client.ts imports it first.
 */
z.config({ jitless: true });
