import { expect, test } from "@playwright/test";

/**
 * How specs wait on work whose length depends on the machine (training above all): on what the
 * UI shows, for as long as the work visibly moves on. A fixed limit guessed on an idle machine
 * fails on a loaded one (CI on 2 busy cores ran app-iris past its 120 s); a limit on how long the
 * work may stand still does not, and still catches a hang.
 */
export const STALL_MS = 60_000;

/**
 * Waits until `done()` holds, for as long as `progress()` (a snapshot of what the UI shows about
 * the work) changes at least every `stallMs`. Time spent while the work moves is added to the
 * test's timeout, so a slow machine does not run the test out of time. Fails naming the last
 * state when the work stands still for `stallMs`.
 */
export async function whileProgressing(
  what: string,
  done: () => Promise<boolean>,
  progress: () => Promise<string>,
  stallMs = STALL_MS,
): Promise<void> {
  let since = Date.now();
  for (;;) {
    const seen = await progress();
    let finished = false;
    await expect
      .poll(
        async () => {
          finished = await done();
          return finished || (await progress()) !== seen;
        },
        { message: `${what}: nothing moved for ${stallMs / 1000} s (last seen: ${seen})`, timeout: stallMs },
      )
      .toBe(true);
    const now = Date.now();
    test.info().setTimeout(test.info().timeout + (now - since));
    since = now;
    if (finished) return;
  }
}
