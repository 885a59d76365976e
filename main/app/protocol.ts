import { protocol, type Session } from "electron";
import { APP_ENTRY, APP_SCHEME, isAppUrl, serveAppFile } from "./app-url";
import { contentSecurityPolicy } from "./csp";

/** Must run before the app is ready: the scheme is standard (relative URLs, an origin) and secure. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/**
 * Where the window's page comes from, with the CSP as a response header either way: the built
 * renderer through the app scheme, or electron-vite's dev server (ELECTRON_RENDERER_URL), whose
 * responses get the header added on the way in.
 */
export function serveRenderer(session: Session, rendererDir: string, devServerUrl: string | undefined): string {
  const csp = contentSecurityPolicy({ devServerUrl });
  session.protocol.handle(APP_SCHEME, async (request) => {
    const res = await serveAppFile(rendererDir, { url: request.url, method: request.method }, csp);
    return new Response(res.body, { status: res.status, headers: res.headers });
  });
  if (devServerUrl) {
    session.webRequest.onHeadersReceived((details, callback) => {
      if (!isAppUrl(details.url, devServerUrl)) return callback({});
      callback({ responseHeaders: { ...details.responseHeaders, "Content-Security-Policy": [csp] } });
    });
  }
  return devServerUrl || APP_ENTRY;
}

/**
 * Nothing the page might ask for is granted (camera, notifications, geolocation, ...), except
 * clipboard access for our own UI, which copy and paste of layers use.
 */
export function restrictPermissions(session: Session, devServerUrl: string | undefined): void {
  const allowed = new Set(["clipboard-read", "clipboard-sanitized-write"]);
  const ok = (permission: string, url: string) => allowed.has(permission) && isAppUrl(url, devServerUrl);
  session.setPermissionRequestHandler((webContents, permission, callback) =>
    callback(ok(permission, webContents.getURL())),
  );
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) =>
    ok(permission, `${requestingOrigin}/`),
  );
}
