import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CDPSession, Page } from "@playwright/test";

/**
 * Optional CPU profiles for the editor bench: with NETFORGE_PROFILE=<folder>, each profiled phase
 * is written as <phase>.cpuprofile (open it in Chromium's DevTools, Performance panel) and its
 * heaviest functions by self time are printed, so a slow figure comes with where the time went.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

export async function profiled<T>(page: Page, phase: string, run: () => Promise<T>): Promise<T> {
  const folder = process.env.NETFORGE_PROFILE;
  if (!folder) return run();
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  try {
    return await run();
  } finally {
    const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: CpuProfile };
    await cdp.detach();
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${phase}.cpuprofile`), JSON.stringify(profile));
    console.log(`  ${phase}: heaviest functions by self time\n${topSelf(profile, 12)}`);
  }
}

function topSelf(profile: CpuProfile, count: number): string {
  const total = profile.samples?.length ?? 0;
  const perSample = total ? (profile.endTime - profile.startTime) / 1000 / total : 0;
  const byFrame = new Map<string, number>();
  for (const n of profile.nodes) {
    const { functionName, url, lineNumber } = n.callFrame;
    const file = url.split("/").pop() || "(native)";
    const key = `${functionName || "(anonymous)"} ${file}:${lineNumber + 1}`;
    byFrame.set(key, (byFrame.get(key) ?? 0) + (n.hitCount ?? 0));
  }
  return [...byFrame.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([k, hits]) => `    ${(hits * perSample).toFixed(1).padStart(8)} ms  ${k}`)
    .join("\n");
}
