#!/usr/bin/env node
// The `netforge` command. It runs the TypeScript sources through tsx, so the CLI works straight
// from a checkout (`npx netforge`, `npm start`) with no build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./index.ts");
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
});
