import { describe, expect, it } from "vitest";
import type { EventName, EventOf, MethodName } from "../../shared/api/contract";
import { ApiError } from "../../shared/api/errors";
import type { NetforgeClient } from "../api/client";
import { cnn } from "../state/__fixtures__/projects";
import { createEditor } from "../state/editor";
import { setParams } from "../state/edits";
import type { FilePrompts } from "../state/file-prompts";
import { installFileSupport } from "./file-commands";

type Answer = (request: unknown) => unknown;

/**
 * The host's side of the transport, played by the test: it records every call, answers from
 * `answers` (or refuses), and fires events by hand. The real transports are tested with the host.
 */
function playHost(answers: Partial<Record<MethodName, Answer>> = {}) {
  const calls: [string, unknown][] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const client: NetforgeClient = {
    mode: "electron",
    status: "open",
    call: (async (method: MethodName, request: unknown) => {
      calls.push([method, request]);
      const answer = answers[method];
      if (!answer) throw new ApiError("E_UNSUPPORTED", `${method} is not played in this test`);
      return answer(request);
    }) as NetforgeClient["call"],
    on: ((event: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    }) as NetforgeClient["on"],
    onStatus: () => () => {},
    close: () => {},
  };
  const fire = <E extends EventName>(event: E, payload: EventOf<E>) => {
    for (const l of listeners.get(event) ?? []) l(payload);
  };
  return { client, calls, fire };
}

const prompts = (confirm: FilePrompts["confirm"]): FilePrompts => ({
  openProject: async () => null,
  saveProject: async () => null,
  confirm,
  pickLocalFile: async () => null,
});

const settle = () => new Promise((r) => setTimeout(r, 0));

function dirtyEditor() {
  const editor = createEditor({ project: cnn() });
  editor.edit("units", (p) => setParams(p, "dense_1", { units: 5 }));
  return editor;
}

describe("menu commands from the shell", () => {
  it("runs the command an app.command event names, with its args, and stops when uninstalled", () => {
    const editor = createEditor({ project: cnn() });
    const host = playHost();
    const uninstall = installFileSupport(editor, host.client, { prompts: prompts(async () => true), autosaveMs: 0 });
    host.fire("app.command", { id: "select-all" });
    expect(editor.ui.getState().selection.nodes).toHaveLength(editor.project().graph.nodes.length);
    host.fire("app.command", { id: "add-layer", args: { kind: "Dropout" } });
    expect(editor.project().graph.nodes.some((n) => n.kind === "Dropout")).toBe(true);
    host.fire("app.command", { id: "no-such-command" });
    expect(editor.ui.getState().toasts.at(-1)?.text).toBe('Unknown command "no-such-command"');
    uninstall();
    const count = editor.project().graph.nodes.length;
    host.fire("app.command", { id: "add-layer", args: { kind: "Dropout" } });
    expect(editor.project().graph.nodes).toHaveLength(count);
  });
});

describe("the shell's close request", () => {
  const closeAnswers = (calls: [string, unknown][]) => calls.filter(([m]) => m === "app.closeResponse");

  it("answers proceed after the user agrees, discarding the recovery file", async () => {
    const host = playHost({
      "projects.discardRecovery": () => ({ ok: true }),
      "app.closeResponse": () => ({ ok: true }),
    });
    installFileSupport(dirtyEditor(), host.client, {
      prompts: prompts(async () => true),
      autosaveMs: 0,
      sessionId: "s1",
    });
    host.fire("app.closeRequested", {});
    await settle();
    expect(host.calls.filter(([m]) => m !== "projects.recovery")).toEqual([
      ["projects.discardRecovery", { sessionId: "s1" }],
      ["app.closeResponse", { proceed: true }],
    ]);
  });

  it("still answers when asking fails: the window stays open and the failure is shown", async () => {
    const host = playHost({ "app.closeResponse": () => ({ ok: true }) });
    const editor = dirtyEditor();
    installFileSupport(editor, host.client, {
      prompts: prompts(async () => {
        throw new Error("the dialog could not open");
      }),
      autosaveMs: 0,
    });
    host.fire("app.closeRequested", {});
    await settle();
    expect(closeAnswers(host.calls)).toEqual([["app.closeResponse", { proceed: false }]]);
    expect(editor.ui.getState().toasts.at(-1)?.text).toContain("the dialog could not open");
  });

  it("still answers proceed when the recovery file cannot be discarded", async () => {
    const host = playHost({ "app.closeResponse": () => ({ ok: true }) });
    const editor = dirtyEditor();
    installFileSupport(editor, host.client, { prompts: prompts(async () => true), autosaveMs: 0 });
    host.fire("app.closeRequested", {});
    await settle();
    expect(closeAnswers(host.calls)).toEqual([["app.closeResponse", { proceed: true }]]);
    expect(editor.ui.getState().toasts.at(-1)?.text).toContain("Could not discard the recovery file");
  });

  it("reports a close answer the host refuses instead of leaving a rejected promise", async () => {
    const host = playHost();
    const editor = createEditor({ project: cnn() });
    installFileSupport(editor, host.client, { prompts: prompts(async () => false), autosaveMs: 0 });
    host.fire("app.closeRequested", {});
    await settle();
    expect(closeAnswers(host.calls)).toHaveLength(1);
    expect(editor.ui.getState().toasts.at(-1)?.text).toContain("Could not answer the close request");
  });
});
