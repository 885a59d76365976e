#!/usr/bin/env node
// The `netforge` command. It runs the built JavaScript in out/cli/ (see build.mjs: built by
// `npm ci`, and rebuilt here first whenever a source is newer), so a command starts in well under
// a second and never runs stale code.
import { pathToFileURL } from "node:url";
import { builtCli } from "./build.mjs";

const { main } = await import(pathToFileURL(await builtCli()).href);
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
});
