// Root postinstall. package.json's allowScripts (npm >= 11.19) keeps the install scripts of
// electron and @tensorflow/tfjs-node from running (they download binaries, which fails offline and
// would fail the whole install). Here we try those downloads ourselves and fail softly: on a
// networked machine the user gets the Electron app and native TensorFlow; elsewhere one clear line
// each says what runs instead. onnxruntime-node ships its CPU binary in the package, so its script
// (a CUDA download) stays off for good: allowScripts denies it, which replaces the
// `onnxruntime-node-install=skip` that .npmrc used to hold (npm 11 warns on such package configs).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { findChromium } from "./chromium.mjs";

const require = createRequire(import.meta.url);
const TIMEOUT_MS = 10 * 60 * 1000;

function packageDir(name) {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

function runScript(cwd, script, args = []) {
  const r = spawnSync(process.execPath, [script, ...args], {
    cwd,
    encoding: "utf8",
    timeout: TIMEOUT_MS,
  });
  if (r.status === 0) return null;
  const text = `${r.stderr ?? ""}\n${r.stdout ?? ""}`;
  const firstLine = text.split("\n").find((l) => l.trim().length > 0);
  const reason =
    text.match(/(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET)[^\n]*/)?.[0] ??
    (r.error ? String(r.error.message) : (firstLine ?? `exit code ${r.status}`));
  return reason.trim().slice(0, 160);
}

function electron() {
  const dir = packageDir("electron");
  if (!dir) return;
  if (existsSync(join(dir, "path.txt"))) return; // binary already present
  const failure = runScript(dir, "install.js");
  if (failure) {
    console.log(
      `netforge: Electron's binary could not be downloaded (${failure}); \`npm start\` will open browser mode instead.`,
    );
  } else {
    console.log("netforge: Electron binary installed; `npm start` opens the desktop app.");
  }
}

function tfjsNode() {
  const dir = packageDir("@tensorflow/tfjs-node");
  if (!dir) {
    console.log("netforge: @tensorflow/tfjs-node is not installed (optional); training uses the WebAssembly backend.");
    return;
  }
  if (existsSync(join(dir, "lib")) && existsSync(join(dir, "deps", "lib"))) return; // native library present
  const failure = runScript(dir, join("scripts", "install.js"));
  if (failure) {
    console.log(
      `netforge: TensorFlow's native library for tfjs-node could not be downloaded (${failure}); training uses the WebAssembly backend instead.`,
    );
  } else {
    console.log("netforge: tfjs-node native library installed; training uses native TensorFlow.");
  }
}

/**
 * The end-to-end tests drive a Chromium. Where none is found (CHROMIUM_PATH, the system's,
 * Playwright's own), Playwright's is downloaded; offline that fails softly, like the others.
 */
function chromium() {
  if (findChromium()) return;
  const cli = packageDir("playwright-core");
  if (!cli) return; // an install without dev dependencies runs no end-to-end tests
  const failure = runScript(cli, "cli.js", ["install", "chromium"]);
  if (failure || !findChromium()) {
    console.log(
      `netforge: no Chromium for the end-to-end tests, and Playwright's could not be downloaded (${failure ?? "not found after the download"}); install one (Debian: apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  } else {
    console.log("netforge: Playwright's Chromium installed for the end-to-end tests.");
  }
}

if (process.env.NETFORGE_SKIP_BINARY_DOWNLOADS === "1") {
  console.log(
    "netforge: NETFORGE_SKIP_BINARY_DOWNLOADS=1, not downloading Electron, TensorFlow or Chromium binaries; browser mode and the WebAssembly backend will be used.",
  );
} else {
  electron();
  tfjsNode();
  chromium();
}
