import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { ApiError } from "../../shared/api/errors";
import { createHost, type Host } from "./host";

/**
 * For tests: the real host on fresh temporary folders (browse root, opened folder, config folder)
 * with `folder` opened. Its trainer never starts: a test that reached it fails with E_TRAINER.
 */
export async function hostWithOpenFolder(prefix: string): Promise<{ host: Host; folder: string; config: string }> {
  const folder = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const config = mkdtempSync(join(tmpdir(), `${prefix}-config-`));
  const host = createHost({
    mode: "browser",
    browseRoots: [folder],
    configDir: config,
    startTrainer: () => Promise.reject(new Error("the trainer must not be reached in this test")),
  });
  await host.call("fs.openFolder", { path: folder });
  return { host, folder, config };
}

/** The error a promise rejects with, checked to be a `type` (ApiError unless said otherwise). */
export async function refusal<E extends Error = ApiError>(
  p: Promise<unknown>,
  type: abstract new (...args: never[]) => E = ApiError as never,
): Promise<E> {
  const e = await p.then(
    () => null,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(type);
  return e as E;
}
