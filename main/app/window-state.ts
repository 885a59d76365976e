import { readFile } from "node:fs/promises";
import { z } from "zod";
import { writeFileAtomic } from "../services/atomic-write";

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The window's normal (not maximized) bounds and its maximized / full-screen flags. */
export const WindowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
  fullScreen: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1400, height: 900, maximized: false, fullScreen: false };
export const MIN_SIZE = { width: 800, height: 560 };
/** How much of the title bar must lie on a screen for the saved position to be kept. */
const GRIP = { width: 120, height: 32 };

/** The saved state, or the default when there is none or it cannot be read (never an error). */
export async function loadWindowState(file: string): Promise<WindowState> {
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
    return parsed.success ? parsed.data : { ...DEFAULT_WINDOW_STATE };
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
}

export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(WindowStateSchema.parse(state), null, 2)}\n`);
}

/**
 * Makes a saved state fit the screens there are now: a window saved on a monitor that has since
 * been unplugged, or bigger than the current screen, would open out of reach. The size is clamped
 * to the work area the window overlaps most; a position that leaves less than a title-bar grip on
 * any screen is dropped, and the window is centred on the primary screen instead.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[], primary: Rect): WindowState {
  const positioned = state.x !== undefined && state.y !== undefined;
  const area = positioned ? (bestOverlap(state as Rect, workAreas) ?? primary) : primary;
  const width = clamp(state.width, Math.min(MIN_SIZE.width, area.width), area.width);
  const height = clamp(state.height, Math.min(MIN_SIZE.height, area.height), area.height);
  if (positioned) {
    const grip: Rect = {
      x: state.x as number,
      y: state.y as number,
      width: Math.min(width, GRIP.width * 2),
      height: GRIP.height,
    };
    const reachable = workAreas.some((a) => {
      const o = overlap(grip, a);
      return o.width >= Math.min(GRIP.width, width) && o.height >= GRIP.height / 2;
    });
    if (reachable) return { ...state, width, height };
  }
  return {
    ...state,
    width,
    height,
    x: Math.round(primary.x + (primary.width - width) / 2),
    y: Math.round(primary.y + (primary.height - height) / 2),
  };
}

function bestOverlap(rect: Rect, areas: readonly Rect[]): Rect | null {
  let best: Rect | null = null;
  let bestArea = 0;
  for (const a of areas) {
    const o = overlap(rect, a);
    const size = o.width * o.height;
    if (size > bestArea) {
      best = a;
      bestArea = size;
    }
  }
  return best;
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}
