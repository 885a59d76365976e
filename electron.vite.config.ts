import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "electron-vite";

// The top level is fixed (main/, renderer/, shared/), so every entry is pointed at explicitly
// instead of electron-vite's default src/ layout.
export default defineConfig({
  main: {
    build: {
      outDir: "out/main",
      rollupOptions: { input: { index: resolve("main/app/index.ts") } },
    },
  },
  preload: {
    // A sandboxed preload cannot be an ES module, so this one is emitted as CommonJS; nor can it
    // require packages, so its imports (the contract and zod) are bundled into it.
    build: {
      externalizeDeps: false,
      outDir: "out/preload",
      rollupOptions: {
        input: { index: resolve("main/preload/index.ts") },
        output: { format: "cjs", entryFileNames: "[name].cjs" },
      },
    },
  },
  renderer: {
    root: "renderer",
    plugins: [react()],
    build: {
      // NETFORGE_PROFILE (bench:editor's profiles) keeps names readable; React stays the production build.
      minify: process.env.NETFORGE_PROFILE ? false : "esbuild",
      outDir: "out/renderer",
      rollupOptions: { input: resolve("renderer/index.html") },
    },
  },
});
