// Builds the `netforge` CLI and the trainer process to out/cli/ with esbuild, so the CLI starts
// from plain JavaScript instead of compiling TypeScript at every start. `npm ci` builds it (the
// `prepare` script); netforge.mjs rebuilds it at first use and whenever one of its sources is
// newer than the build, so a stale build is never run.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
const OUT = join(ROOT, "out", "cli");
/** Names the current build's folder and the sources it was made from. */
const CURRENT = join(OUT, "build.json");
const ENTRIES = { netforge: "main/cli/index.ts", trainer: "main/trainer/index.ts" };
/** Superseded builds are deleted once no command started from them can still be running its start-up. */
const KEEP_OLD_MS = 10 * 60 * 1000;

/**
 * Sources read paths relative to their own folder (`import.meta.dirname`: templates, package.json).
 * In the bundle that would be the build's folder, so each file gets its own folder back, relative
 * to the bundle, which keeps the build relocatable with the checkout.
 */
const ownDirname = (outdir) => ({
  name: "own-dirname",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await readFile(args.path, "utf8");
      if (!text.includes("import.meta.dirname")) return undefined;
      const rel = JSON.stringify(relative(outdir, dirname(args.path)));
      return { contents: text.replaceAll("import.meta.dirname", `__netforgeDir(${rel})`), loader: "ts" };
    });
  },
});

/**
 * Builds netforge.js and trainer.js into a new folder under out/cli/ and then points build.json at
 * it (a rename, so it is atomic): commands running from the previous build, and builds racing
 * this one, never see a half-written folder. Returns the new netforge.js.
 */
export async function buildCli() {
  const { build } = await import("esbuild");
  // Sources changed while esbuild reads them must count as newer than the build.
  const started = Date.now();
  const name = `b${started}-${process.pid}`;
  const outdir = join(OUT, name);
  await mkdir(outdir, { recursive: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    metafile: true,
    logLevel: "silent",
    // trainer-client.ts forks this file instead of the trainer's TypeScript.
    define: { NETFORGE_BUILT_TRAINER: JSON.stringify("trainer.js") },
    banner: {
      js: 'import { join as __netforgeJoin } from "node:path";\nconst __netforgeDir = (rel) => __netforgeJoin(import.meta.dirname, rel);',
    },
    plugins: [ownDirname(outdir)],
  });
  // This script is an input too: a change to how the build is made also makes it stale.
  const sources = Object.keys(result.metafile.inputs).filter((p) => !p.includes("node_modules/"));
  const inputs = [...sources, relative(ROOT, import.meta.filename)];
  const tmp = `${CURRENT}.tmp-${process.pid}`;
  await writeFile(tmp, JSON.stringify({ dir: name, builtAt: started, inputs }, null, 1));
  await rename(tmp, CURRENT);
  await removeOldBuilds(name);
  return join(outdir, "netforge.js");
}

async function removeOldBuilds(keep) {
  for (const entry of readdirSync(OUT)) {
    const path = join(OUT, entry);
    if (entry === keep || !/^b\d+-\d+$/.test(entry)) continue;
    const age = Date.now() - statSync(path).mtimeMs;
    if (age > KEEP_OLD_MS) await rm(path, { recursive: true, force: true });
  }
}

/** The current build's netforge.js when it exists and no source it was made from has changed (or gone) since; else null. */
export function freshBuild() {
  let meta;
  try {
    meta = JSON.parse(readFileSync(CURRENT, "utf8"));
    for (const file of ["netforge.js", "trainer.js"]) statSync(join(OUT, meta.dir, file));
  } catch {
    return null;
  }
  for (const input of meta.inputs) {
    try {
      if (statSync(join(ROOT, input)).mtimeMs > meta.builtAt) return null;
    } catch {
      return null;
    }
  }
  return join(OUT, meta.dir, "netforge.js");
}

/** The built CLI's entry, (re)built first when missing or stale. */
export async function builtCli() {
  return freshBuild() ?? (await buildCli());
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  await buildCli();
  console.log(`netforge: built the CLI and the trainer in ${relative(process.cwd(), OUT) || "."}`);
}
