import type { MenuItemConstructorOptions } from "electron";

/** A menu entry that runs a renderer command by id (renderer/commands: the one list of commands). */
export interface CommandItem {
  command: string;
  label: string;
  /** The command's shortcut in the renderer's grammar ("shift+mod+z"), shown as the menu's label. */
  kbd?: string;
}

type Entry = CommandItem | "separator" | MenuItemConstructorOptions;

/**
 * The menus, as data. Command items only label their shortcut (`registerAccelerator: false`): the
 * renderer's keyboard handler owns every shortcut, so a key press runs the command once, in one
 * place, and keys typed into a text field stay with the field.
 */
export const MENUS: readonly { label: string; items: readonly Entry[] }[] = [
  {
    label: "&File",
    items: [
      { command: "new-project", label: "New Project", kbd: "alt+mod+n" },
      { command: "open-project", label: "Open…", kbd: "mod+o" },
      "separator",
      { command: "save", label: "Save", kbd: "mod+s" },
      { command: "save-as", label: "Save As…", kbd: "shift+mod+s" },
    ],
  },
  {
    label: "&Edit",
    items: [
      { command: "undo", label: "Undo", kbd: "mod+z" },
      { command: "redo", label: "Redo", kbd: "shift+mod+z" },
      "separator",
      { command: "cut", label: "Cut", kbd: "mod+x" },
      { command: "copy", label: "Copy", kbd: "mod+c" },
      { command: "paste", label: "Paste", kbd: "mod+v" },
      { command: "duplicate", label: "Duplicate", kbd: "mod+d" },
      { command: "delete", label: "Delete", kbd: "delete" },
      "separator",
      { command: "select-all", label: "Select All", kbd: "mod+a" },
      "separator",
      { command: "group", label: "Group into a Block", kbd: "mod+g" },
      { command: "ungroup", label: "Ungroup", kbd: "shift+mod+g" },
    ],
  },
  {
    label: "&View",
    items: [
      { command: "zoom-to-fit", label: "Zoom to Fit", kbd: "f" },
      { command: "auto-layout", label: "Auto-layout", kbd: "shift+mod+l" },
      "separator",
      { role: "resetZoom" },
      { role: "zoomIn" },
      { role: "zoomOut" },
      "separator",
      { role: "togglefullscreen" },
    ],
  },
  {
    label: "&Help",
    items: [{ command: "help", label: "Keyboard Shortcuts", kbd: "?" }, "separator", { role: "about" }],
  },
];

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Adds Reload and DevTools (development only: DevTools can call anything the page can). */
  dev: boolean;
  run(command: string): void;
}

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === "darwin";
  const menus: MenuItemConstructorOptions[] = MENUS.map((menu) => ({
    label: menu.label,
    submenu: menu.items.map((entry) => toItem(entry, options)),
  }));
  const file = menus[0].submenu as MenuItemConstructorOptions[];
  file.push({ type: "separator" }, mac ? { role: "close" } : { role: "quit" });
  if (options.dev) {
    const view = menus[2].submenu as MenuItemConstructorOptions[];
    view.push({ type: "separator" }, { role: "reload" }, { role: "toggleDevTools" });
  }
  if (mac) {
    menus.unshift({ role: "appMenu" });
    menus.splice(menus.length - 1, 0, { role: "windowMenu" });
  }
  return menus;
}

function toItem(entry: Entry, options: MenuOptions): MenuItemConstructorOptions {
  if (entry === "separator") return { type: "separator" };
  if (!("command" in entry)) return entry;
  const accelerator = entry.kbd ? toAccelerator(entry.kbd, options.platform) : undefined;
  return {
    id: entry.command,
    label: entry.label,
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
    click: () => options.run(entry.command),
  };
}

const KEY_NAMES: Record<string, string> = {
  delete: "Delete",
  backspace: "Backspace",
  escape: "Esc",
  enter: "Enter",
  space: "Space",
  tab: "Tab",
};

/** "shift+mod+z" -> "Shift+CmdOrCtrl+Z"; the first of several alternatives ("delete,backspace"). */
export function toAccelerator(kbd: string, platform: NodeJS.Platform): string {
  const first = kbd.split(",")[0].trim();
  const parts = first === "+" ? ["+"] : first.split("+");
  return parts
    .map((part) => {
      const p = part.toLowerCase();
      if (p === "mod") return "CmdOrCtrl";
      if (p === "shift") return "Shift";
      if (p === "alt") return platform === "darwin" ? "Option" : "Alt";
      if (p === "ctrl") return "Ctrl";
      return KEY_NAMES[p] ?? (p.length === 1 ? p.toUpperCase() : part);
    })
    .join("+");
}
