import { test } from "@playwright/test";
import { startBrowserMode } from "./browser-mode";
import { sandbox } from "./sandbox";

type Host = Awaited<ReturnType<typeof startBrowserMode>>;

/**
 * The lifecycle every browser-mode spec shares: a sandbox folder (projects, recent and recovery
 * files), prepared by the spec if it needs files there, and one host started in it before the spec's tests and stopped after them. `app` reads
 * through to the running host, so specs can hold it at module level.
 */
export function sandboxedHost(options: { prepare?: (box: ReturnType<typeof sandbox>) => Promise<void> } = {}): {
  box: ReturnType<typeof sandbox>;
  app: Host;
} {
  const box = sandbox();
  let started: Host | undefined;
  const running = (): Host => {
    if (!started) throw new Error("the host starts in beforeAll; use `app` inside a test");
    return started;
  };
  test.beforeAll(async () => {
    await options.prepare?.(box);
    started = await startBrowserMode({ cwd: box.root, env: box.env });
  });
  test.afterAll(async () => {
    await started?.stop();
    box.remove();
  });
  const app: Host = {
    get url() {
      return running().url;
    },
    get origin() {
      return running().origin;
    },
    get pid() {
      return running().pid;
    },
    stop: () => running().stop(),
  };
  return { box, app };
}
