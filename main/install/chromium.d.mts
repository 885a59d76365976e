export declare const SYSTEM_CHROMIUMS: string[];
export declare function playwrightChromium(): string | null;
export declare function findChromium(places?: {
  env?: Record<string, string | undefined>;
  system?: readonly string[];
  playwright?: string | null;
  exists?: (path: string) => boolean;
}): { path: string; from: "CHROMIUM_PATH" | "system" | "Playwright" } | null;
