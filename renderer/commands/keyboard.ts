import type { Editor } from "../state/editor-api";
import type { AnyCommand } from "./registry";

/**
 * Shortcuts: key events -> command ids. A binding is "mod+shift+z" style: modifiers (`mod` = Cmd
 * on macOS and Ctrl elsewhere, `ctrl`, `meta`, `alt`, `shift`) and a key named as
 * KeyboardEvent.key names it, lower case ("z", "delete", "escape", "arrowup", "?"). Several
 * bindings are separated by commas. Shift is implied by punctuation ("?" is shift+/ on most
 * layouts), so such keys are bound without it.
 */

/** The parts of a KeyboardEvent a shortcut looks at (a DOM event or a test's plain object). */
export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
  target?: unknown;
}

const MODIFIER_ORDER = ["ctrl", "meta", "alt", "shift"] as const;
type Modifier = (typeof MODIFIER_ORDER)[number];

const KEY_ALIASES: Record<string, string> = { del: "delete", esc: "escape", return: "enter", space: " ", plus: "+" };

/** One letter, digit or named key: Shift is a real modifier; other printable characters already include it. */
const shiftMatters = (key: string) => key.length > 1 || /^[a-z0-9]$/.test(key);

/** The canonical form of one binding on a platform: "ctrl+shift+z". */
export function canonicalBinding(binding: string, isMac: boolean): string {
  let rest = binding.toLowerCase();
  let rawKey: string | undefined;
  // "+" and "mod++" bind the plus key itself.
  if (rest === "+" || rest.endsWith("++")) {
    rawKey = "+";
    rest = rest.slice(0, -1);
  }
  const parts = rest.split("+").filter(Boolean);
  rawKey ??= parts.pop() ?? "";
  const key = KEY_ALIASES[rawKey] ?? rawKey;
  const mods = new Set<Modifier>();
  for (const p of parts) {
    if (p === "mod") mods.add(isMac ? "meta" : "ctrl");
    else if (p === "cmd") mods.add("meta");
    else if (p === "option") mods.add("alt");
    else if ((MODIFIER_ORDER as readonly string[]).includes(p)) mods.add(p as Modifier);
    else throw new Error(`unknown modifier "${p}" in shortcut "${binding}"; expected mod, ctrl, meta, alt or shift`);
  }
  if (!shiftMatters(key)) mods.delete("shift");
  return [...MODIFIER_ORDER.filter((m) => mods.has(m)), key].join("+");
}

/** The canonical form of a key event, comparable with canonicalBinding(). */
export function eventBinding(e: KeyInput): string {
  const key = e.key.toLowerCase();
  const mods: Modifier[] = [];
  if (e.ctrlKey) mods.push("ctrl");
  if (e.metaKey) mods.push("meta");
  if (e.altKey) mods.push("alt");
  if (e.shiftKey && shiftMatters(key)) mods.push("shift");
  return [...mods, key].join("+");
}

export function bindingsOf(command: AnyCommand, isMac: boolean): string[] {
  return command.kbd ? command.kbd.split(",").map((b) => canonicalBinding(b.trim(), isMac)) : [];
}

export type Keymap = ReadonlyMap<string, string>;

/** Binding -> command id; the first command registered with a binding keeps it. */
export function createKeymap(commands: readonly AnyCommand[], isMac: boolean): Keymap {
  const map = new Map<string, string>();
  for (const c of commands) for (const b of bindingsOf(c, isMac)) if (!map.has(b)) map.set(b, c.id);
  return map;
}

/** Bindings claimed by more than one command, for tests that keep the keymap unambiguous. */
export function keyConflicts(commands: readonly AnyCommand[], isMac: boolean): { binding: string; ids: string[] }[] {
  const owners = new Map<string, string[]>();
  for (const c of commands) for (const b of bindingsOf(c, isMac)) owners.set(b, [...(owners.get(b) ?? []), c.id]);
  return [...owners].filter(([, ids]) => ids.length > 1).map(([binding, ids]) => ({ binding, ids }));
}

/** Typing in a field is text, not a shortcut (the field's own undo, delete and select-all apply). */
export function isEditableTarget(target: unknown): boolean {
  const el = target as { tagName?: string; isContentEditable?: boolean; type?: string } | null;
  if (!el || typeof el !== "object") return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName?.toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag !== "INPUT") return false;
  // Buttons dressed as inputs take no text; checkboxes and radios let Delete and Ctrl+Z through too.
  return !["button", "checkbox", "radio", "submit", "reset", "range", "color", "file"].includes(el.type ?? "text");
}

export function detectMac(): boolean {
  const nav = typeof navigator === "undefined" ? undefined : navigator;
  const platform =
    (nav as { userAgentData?: { platform?: string } } | undefined)?.userAgentData?.platform ?? nav?.platform ?? "";
  return /mac|iphone|ipad/i.test(platform);
}

/**
 * Runs the command bound to a key event. Returns true when one ran, so the caller can call
 * preventDefault(); a command whose `when` says no leaves the event to the browser.
 */
export function handleKeyDown(editor: Editor, e: KeyInput, isMac = detectMac()): boolean {
  if (isEditableTarget(e.target)) return false;
  const id = createKeymap(editor.commands.all(), isMac).get(eventBinding(e));
  return id === undefined ? false : editor.run(id);
}

/** A binding for people: "⌘⇧Z" on macOS, "Ctrl+Shift+Z" elsewhere; the first of several. */
export function formatKbd(kbd: string, isMac: boolean): string {
  const parts = canonicalBinding(kbd.split(",")[0].trim(), isMac).split("+");
  const key = parts.pop() as string;
  const names: Record<string, [mac: string, other: string]> = {
    ctrl: ["⌃", "Ctrl"],
    meta: ["⌘", "Meta"],
    alt: ["⌥", "Alt"],
    shift: ["⇧", "Shift"],
    delete: ["⌦", "Del"],
    backspace: ["⌫", "Backspace"],
    escape: ["Esc", "Esc"],
    enter: ["↩", "Enter"],
    " ": ["Space", "Space"],
  };
  const label = (k: string) =>
    names[k]?.[isMac ? 0 : 1] ?? (k.length === 1 ? k.toUpperCase() : k[0].toUpperCase() + k.slice(1));
  const all = [...parts.map(label), label(key)];
  return isMac ? all.join("") : all.join("+");
}
