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

const require = createRequire(import.meta.url);
const TIMEOUT_MS = 10 * 60 * 1000;

function packageDir(name) {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

function runScript(cwd, script) {
  const r = spawnSync(process.execPath, [script], {
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

if (process.env.NETFORGE_SKIP_BINARY_DOWNLOADS === "1") {
  console.log(
    "netforge: NETFORGE_SKIP_BINARY_DOWNLOADS=1, not downloading Electron or TensorFlow binaries; browser mode and the WebAssembly backend will be used.",
  );
} else {
  electron();
  tfjsNode();
}
