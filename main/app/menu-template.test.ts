import { describe, expect, it } from "vitest";
import { MENUS, menuTemplate, toAccelerator } from "./menu-template";

/**
 * The menu names renderer commands by id; main cannot import the renderer (nor can its type
 * program), so this test is where the two meet, through Vite's glob import (typed by
 * electron-vite/node, see env.d.ts): every id must exist,
 * and every label's shortcut must be the command's own.
 */
const rendererCommands = import.meta.glob<Record<string, unknown>>("../../renderer/commands/*-commands.ts", {
  eager: true,
});
const commands = new Map<string, { kbd?: string }>();
for (const module of Object.values(rendererCommands)) {
  for (const value of Object.values(module)) {
    if (!Array.isArray(value)) continue;
    for (const c of value) if (c && typeof c.id === "string" && typeof c.run === "function") commands.set(c.id, c);
  }
}
const items = MENUS.flatMap((m) => m.items).filter(
  (i): i is { command: string; label: string; kbd?: string } => typeof i === "object" && "command" in i,
);

describe("the application menu", () => {
  it("finds the renderer's command lists", () => {
    expect(commands.has("undo") && commands.has("save")).toBe(true);
  });

  it.each(items.map((i) => [i.command, i] as const))("runs a command the renderer has: %s", (id, item) => {
    const command = commands.get(id);
    expect(command, `renderer/commands/*-commands.ts define no command "${id}"`).toBeDefined();
    if (item.kbd) expect(command?.kbd?.split(",")[0]).toBe(item.kbd);
  });

  it("sends the command id when an item is clicked, and leaves shortcuts to the renderer", () => {
    const ran: string[] = [];
    const template = menuTemplate({ platform: "linux", dev: false, run: (id) => ran.push(id) });
    const edit = template.find((m) => m.label === "&Edit")?.submenu as Electron.MenuItemConstructorOptions[];
    const undo = edit.find((i) => i.id === "undo");
    expect(undo).toMatchObject({ label: "Undo", accelerator: "CmdOrCtrl+Z", registerAccelerator: false });
    (undo?.click as (() => void) | undefined)?.();
    expect(ran).toEqual(["undo"]);
  });

  it("adds the macOS app and window menus, and DevTools only in development", () => {
    const mac = menuTemplate({ platform: "darwin", dev: false, run: () => {} });
    expect(mac[0].role).toBe("appMenu");
    expect(mac.at(-2)?.role).toBe("windowMenu");
    const roles = (t: Electron.MenuItemConstructorOptions[]) =>
      t.flatMap((m) => (m.submenu as Electron.MenuItemConstructorOptions[] | undefined)?.map((i) => i.role) ?? []);
    expect(roles(mac)).not.toContain("toggleDevTools");
    expect(roles(menuTemplate({ platform: "linux", dev: true, run: () => {} }))).toContain("toggleDevTools");
    expect(roles(menuTemplate({ platform: "win32", dev: false, run: () => {} }))).toContain("quit");
  });
});

it("turns the renderer's shortcut grammar into Electron accelerators", () => {
  expect(toAccelerator("shift+mod+z,mod+y", "linux")).toBe("Shift+CmdOrCtrl+Z");
  expect(toAccelerator("delete,backspace", "linux")).toBe("Delete");
  expect(toAccelerator("alt+f", "darwin")).toBe("Option+F");
  expect(toAccelerator("escape", "win32")).toBe("Esc");
  expect(toAccelerator("?", "linux")).toBe("?");
});
