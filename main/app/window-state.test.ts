import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_WINDOW_STATE,
  fitToDisplays,
  loadWindowState,
  MIN_SIZE,
  saveWindowState,
  type WindowState,
} from "./window-state";

const dir = mkdtempSync(join(tmpdir(), "netforge-window-state-"));
const laptop = { x: 0, y: 0, width: 1440, height: 876 };
const external = { x: 1440, y: -200, width: 2560, height: 1400 };

describe("window state file", () => {
  it("round-trips through the file", async () => {
    const file = join(dir, "state.json");
    const state: WindowState = { x: 1500, y: -100, width: 1800, height: 1000, maximized: true, fullScreen: false };
    await saveWindowState(file, state);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(state);
    expect(await loadWindowState(file)).toEqual(state);
  });

  it("falls back to the default for a missing, corrupt or foreign file", async () => {
    expect(await loadWindowState(join(dir, "missing.json"))).toEqual(DEFAULT_WINDOW_STATE);
    const corrupt = join(dir, "corrupt.json");
    writeFileSync(corrupt, '{"width": 1200, "heig');
    expect(await loadWindowState(corrupt)).toEqual(DEFAULT_WINDOW_STATE);
    const foreign = join(dir, "foreign.json");
    writeFileSync(foreign, JSON.stringify({ width: -5, height: "tall", maximized: false, fullScreen: false }));
    expect(await loadWindowState(foreign)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it("refuses to write a malformed state", async () => {
    const bad = { width: 0, height: 10, maximized: false, fullScreen: false };
    await expect(saveWindowState(join(dir, "bad.json"), bad)).rejects.toThrow();
  });
});

describe("fitToDisplays", () => {
  it("keeps a position that is still on a screen", () => {
    const state: WindowState = { x: 1600, y: 0, width: 1800, height: 1000, maximized: false, fullScreen: false };
    expect(fitToDisplays(state, [laptop, external], laptop)).toEqual(state);
  });

  it("centres a window whose monitor has gone on the primary screen, shrunk to fit it", () => {
    const state: WindowState = { x: 1600, y: 0, width: 1800, height: 1000, maximized: false, fullScreen: false };
    const fitted = fitToDisplays(state, [laptop], laptop);
    expect(fitted).toEqual({ ...state, x: 0, y: 0, width: 1440, height: 876 });
  });

  it("centres a first launch (no position) and keeps its flags", () => {
    const fitted = fitToDisplays({ ...DEFAULT_WINDOW_STATE, maximized: true }, [external, laptop], laptop);
    expect(fitted).toMatchObject({ width: 1400, height: 876, x: 20, y: 0, maximized: true });
  });

  it("drops a position whose title bar is off every screen", () => {
    const above = { x: 100, y: -400, width: 1000, height: 700, maximized: false, fullScreen: false };
    const fitted = fitToDisplays(above, [laptop], laptop);
    expect(fitted.y).toBeGreaterThanOrEqual(0);
    expect(fitted.x).toBe(220);
    const farLeft = { ...above, x: -990, y: 10 };
    expect(fitToDisplays(farLeft, [laptop], laptop).x).toBe(220);
  });

  it("never makes a window smaller than the minimum when the screen allows it", () => {
    const tiny = { x: 10, y: 10, width: 200, height: 100, maximized: false, fullScreen: false };
    expect(fitToDisplays(tiny, [laptop], laptop)).toMatchObject({ width: MIN_SIZE.width, height: MIN_SIZE.height });
    const small = { x: 0, y: 0, width: 640, height: 480 };
    expect(fitToDisplays(tiny, [small], small)).toMatchObject({ width: 640, height: 480 });
  });
});
