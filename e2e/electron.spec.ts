import { type ChildProcess, fork, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { _electron, type ElectronApplication, expect, type Page, test } from "@playwright/test";
import type { NetforgeBridge } from "../shared/api/bridge";

/**
 * The Electron shell (main/app, main/preload). The app itself needs Electron's binary, which npm
 * cannot download on our machines: those specs are skipped, with the reason printed, when it is
 * missing. Two checks run everywhere because they need no Electron: the trainer bundle that
 * utilityProcess.fork starts, and the window's Content-Security-Policy over the real built UI.
 */
const ROOT = join(import.meta.dirname, "..");
const OUT = join(ROOT, "out");

function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)("electron") as unknown;
    return typeof path === "string" && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}
const binary = electronBinary();
const SKIP_REASON =
  "the Electron binary is not installed (its download is refused on this machine); run `node node_modules/electron/install.js` where it can be fetched";
if (!binary) console.log(`e2e/electron.spec.ts: skipping the Electron app specs: ${SKIP_REASON}`);

/** The trainer entry electron-vite bundled for utilityProcess.fork (main/app/trainer-process.ts). */
function trainerBundle(): string {
  const index = readFileSync(join(OUT, "main/index.js"), "utf8");
  const refs = [...index.matchAll(/import\.meta\.dirname, "(\.\/chunks\/[^"]+\.js)"/g)].map((m) => m[1]);
  expect(refs, "out/main/index.js should name exactly one ?modulePath bundle").toHaveLength(1);
  return join(OUT, "main", refs[0]);
}

test.describe("the bundled trainer", () => {
  test("trains the XOR template when started from out/main, as the app starts it", async () => {
    test.setTimeout(120_000);
    const entry = trainerBundle();
    expect(existsSync(entry)).toBe(true);
    const xor = JSON.parse(readFileSync(join(ROOT, "resources/templates/xor.netforge.json"), "utf8"));
    // Forked with plain Node: the bundle has no TypeScript left and finds its packages from out/.
    const child = fork(entry, [], {
      env: { ...process.env, NETFORGE_BACKEND: "wasm" },
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const messages: { type: string; [key: string]: unknown }[] = [];
    const end = new Promise<{ type: string; [key: string]: unknown }>((resolve, reject) => {
      child.on("message", (m: { type: string; [key: string]: unknown }) => {
        messages.push(m);
        if (m.type === "ready") {
          const runDir = mkdtempSync(join(tmpdir(), "netforge-bundle-run-"));
          child.send({ type: "start", runId: "xor", graph: xor.graph, training: xor.training, data: xor.data, runDir });
        }
        if (m.type === "done" || (m.type === "error" && m.runId !== undefined)) resolve(m);
      });
      child.on("exit", (code) => reject(new Error(`the trainer bundle exited with ${code} before the run ended`)));
    });
    try {
      const done = await end;
      expect(messages[0]).toMatchObject({ type: "ready", backend: "wasm" });
      expect(done).toMatchObject({ type: "done", reason: "completed", epochs: 300, metrics: { accuracy: 1 } });
      expect(messages.filter((m) => m.type === "epoch")).toHaveLength(300);
    } finally {
      child.send({ type: "shutdown", runId: null });
    }
  });
});

test.describe("the window's Content-Security-Policy", () => {
  let server: ChildProcess;
  let origin: string;
  test.beforeAll(async () => {
    // The real app-scheme handler (serveAppFile) and policy, served over http for Chromium.
    const script = `
      import { createServer } from "node:http";
      import { serveAppFile } from "./main/app/app-url.ts";
      import { contentSecurityPolicy } from "./main/app/csp.ts";
      const csp = contentSecurityPolicy();
      const server = createServer(async (req, res) => {
        const r = await serveAppFile("out/renderer", { url: "netforge://app" + req.url, method: req.method }, csp);
        res.writeHead(r.status, r.headers).end(r.body);
      });
      server.listen(0, "127.0.0.1", () => console.log("PORT " + server.address().port));`;
    server = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    origin = await new Promise<string>((resolve, reject) => {
      let out = "";
      server.stdout?.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const m = /PORT (\d+)/.exec(out);
        if (m) resolve(`http://127.0.0.1:${m[1]}`);
      });
      server.on("exit", (code) => reject(new Error(`the CSP test server exited with ${code}: ${out}`)));
    });
  });
  test.afterAll(() => {
    server?.kill();
  });

  // eval cannot be probed from here: page.evaluate runs through DevTools, which the policy exempts.
  test("lets the built UI render and blocks inline script and the network", async ({ page }) => {
    const violations: string[] = [];
    await page.exposeFunction("reportViolation", (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) =>
        (window as unknown as { reportViolation(v: string): void }).reportViolation(
          `${e.effectiveDirective} ${e.blockedURI}`,
        ),
      );
    });
    const response = await page.goto(`${origin}/index.html`);
    expect(response?.headers()["content-security-policy"]).toContain("default-src 'none'");
    await expect(page.getByRole("region", { name: "Layer catalog" })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("csp-ui.png") });
    // Only zod's feature probe for `new Function` may be refused while the UI starts (it falls back).
    console.log(`CSP violations while the UI started: ${JSON.stringify(violations)}`);
    expect(violations.filter((v) => v !== "script-src eval")).toEqual([]);

    const attacks = await page.evaluate(async () => {
      const inline = document.createElement("script");
      inline.textContent = "window.__inline = true";
      document.head.append(inline);
      const fetched = await fetch("https://example.com/").then(
        () => "fetched",
        () => "blocked",
      );
      return { inline: (window as unknown as { __inline?: boolean }).__inline ?? false, fetched };
    });
    expect(attacks).toEqual({ inline: false, fetched: "blocked" });
    // Chromium reports the element directive (script-src-elem) for a <script> it refused, once per
    // policy that refuses it (the header and index.html's meta tag).
    await expect
      .poll(() => violations.filter((v) => /^script-src(-elem)? inline$/.test(v)).length)
      .toBeGreaterThanOrEqual(1);
    expect(violations).toContain("connect-src https://example.com/");
  });
});

test.describe("the Electron app", () => {
  test.skip(!binary, SKIP_REASON);
  test.describe.configure({ mode: "serial" });

  const userData = mkdtempSync(join(tmpdir(), "netforge-electron-"));
  // The built UI through the app scheme, never a dev server; the user's NetForge state untouched.
  const { ELECTRON_RENDERER_URL: _dev, ...inherited } = process.env;
  const env = {
    ...inherited,
    NETFORGE_CONFIG_DIR: join(userData, "config"),
    NETFORGE_BACKEND: "wasm",
  } as Record<string, string>;
  // Chromium's own sandbox refuses to run as root (CI containers); the renderer sandbox stays on.
  const args = [ROOT, `--user-data-dir=${userData}`, ...(process.getuid?.() === 0 ? ["--no-sandbox"] : [])];
  let app: ElectronApplication;
  let page: Page;
  const launch = async () => {
    app = await _electron.launch({ executablePath: binary ?? undefined, args, env, cwd: ROOT });
    page = await app.firstWindow();
    await page.waitForLoadState("domcontentloaded");
  };

  test.beforeAll(launch);
  test.afterAll(async () => app?.close());

  test("loads the UI from the app scheme and gives it window.netforge only", async () => {
    expect(page.url()).toBe("netforge://app/index.html");
    await expect(page.getByRole("region", { name: "Layer catalog" })).toBeVisible();
    const globals = await page.evaluate(() => ({
      keys: Object.keys((window as unknown as { netforge: object }).netforge).sort(),
      mode: (window as unknown as { netforge: NetforgeBridge }).netforge.mode,
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(globals).toEqual({
      keys: ["invoke", "mode", "on"],
      mode: "electron",
      require: "undefined",
      process: "undefined",
    });
    await page.screenshot({ path: test.info().outputPath("electron-window.png") });
  });

  test("answers the contract's methods and refuses the rest", async () => {
    const info = await page.evaluate(() =>
      (window as unknown as { netforge: NetforgeBridge }).netforge.invoke("app.info", {}),
    );
    expect(info).toMatchObject({ ok: true, response: { mode: "electron", capabilities: { nativeDialogs: true } } });
    const unknown = await page.evaluate(() =>
      (window as unknown as { netforge: NetforgeBridge }).netforge.invoke("fs.readAnything", {}),
    );
    expect(unknown).toMatchObject({ ok: false, error: { code: "E_UNKNOWN_METHOD" } });
    const bad = await page.evaluate(() =>
      (window as unknown as { netforge: NetforgeBridge }).netforge.invoke("fs.list", { path: 7 }),
    );
    expect(bad).toMatchObject({ ok: false, error: { code: "E_BAD_REQUEST" } });
  });

  test("runs the trainer as a utility process", async () => {
    await expect
      .poll(async () => {
        const r = (await page.evaluate(() =>
          (window as unknown as { netforge: NetforgeBridge }).netforge.invoke("app.info", {}),
        )) as { ok: boolean; response?: { backend: string | null } };
        return r.response?.backend ?? null;
      })
      .toBe("wasm");
    const names = await app.evaluate(({ app: electronApp }) =>
      electronApp.getAppMetrics().map((m) => m.name ?? m.type),
    );
    expect(names).toContain("NetForge trainer");
  });

  test("stays on its page and opens no windows", async () => {
    const opened = await page.evaluate(() => window.open("https://example.com/") === null);
    expect(opened).toBe(true);
    await page.evaluate(() => {
      window.location.href = "https://example.com/";
    });
    await page.waitForLoadState();
    expect(page.url()).toBe("netforge://app/index.html");
    expect(app.windows()).toHaveLength(1);
  });

  test("sends menu clicks to the renderer as commands", async () => {
    await page.evaluate(() => {
      const w = window as unknown as { netforge: NetforgeBridge; commands: unknown[] };
      w.commands = [];
      w.netforge.on("app.command", (p) => w.commands.push(p));
    });
    await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById("zoom-to-fit")?.click());
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { commands: unknown[] }).commands))
      .toEqual([{ id: "zoom-to-fit" }]);
  });

  test("a second launch focuses this window and hands over its project file", async () => {
    const file = join(userData, "xor.netforge.json");
    copyFileSync(join(ROOT, "resources/templates/xor.netforge.json"), file);
    await page.evaluate(() => {
      const w = window as unknown as { netforge: NetforgeBridge; opened: unknown[] };
      w.opened = [];
      w.netforge.on("app.openFile", (p) => w.opened.push(p));
    });
    const second = spawn(binary as string, [...args, file], { env, stdio: "ignore" });
    const code = await new Promise<number | null>((resolve) => second.on("exit", resolve));
    expect(code).toBe(0);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { opened: unknown[] }).opened))
      .toEqual([{ path: file }]);
  });

  test("remembers the window's size and position across launches", async () => {
    await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0].setBounds({ x: 40, y: 30, width: 1100, height: 720 }),
    );
    await app.close();
    const saved = JSON.parse(readFileSync(join(userData, "window-state.json"), "utf8"));
    expect(saved).toMatchObject({ width: 1100, height: 720, maximized: false });
    await launch();
    const bounds = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].getBounds());
    expect(bounds).toMatchObject({ width: 1100, height: 720 });
  });
});
