import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Tests sit beside the code they test (shared/**, main/**, renderer/**); e2e/ is Playwright's.
export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    include: ["shared/**/*.test.ts", "main/**/*.test.ts", "renderer/**/*.test.{ts,tsx}"],
    environment: "node",
    testTimeout: 30_000,
  },
});
