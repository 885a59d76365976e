import { describe, expect, it } from "vitest";
import { CloseGuard } from "./close-guard";
import { EventGate } from "./event-gate";

const ready = { listening: true, alive: true };

describe("CloseGuard", () => {
  it("asks the renderer once, closes when it says so", () => {
    const guard = new CloseGuard();
    expect(guard.attempt(ready)).toBe("ask");
    expect(guard.attempt(ready)).toBe("wait");
    expect(guard.answer(true)).toBe("close");
    expect(guard.attempt(ready)).toBe("close");
  });

  it("stays open when the user cancels, and asks again next time", () => {
    const guard = new CloseGuard();
    expect(guard.attempt(ready)).toBe("ask");
    expect(guard.answer(false)).toBe("stay");
    expect(guard.attempt(ready)).toBe("ask");
  });

  it("ignores answers nobody asked for", () => {
    const guard = new CloseGuard();
    expect(guard.answer(true)).toBe("stay");
    expect(guard.attempt(ready)).toBe("ask");
  });

  it("closes at once when the renderer cannot answer", () => {
    expect(new CloseGuard().attempt({ listening: false, alive: true })).toBe("close");
    expect(new CloseGuard().attempt({ listening: true, alive: false })).toBe("close");
    const guard = new CloseGuard();
    expect(guard.attempt(ready)).toBe("ask");
    // The page crashed while the prompt was up: the next close must not wait for it.
    expect(guard.attempt({ listening: true, alive: false })).toBe("close");
  });

  it("asks again after the page reloaded mid-question", () => {
    const guard = new CloseGuard();
    guard.attempt(ready);
    guard.reset();
    expect(guard.asking).toBe(false);
    expect(guard.answer(true)).toBe("stay");
    expect(guard.attempt(ready)).toBe("ask");
  });
});

describe("EventGate", () => {
  it("passes news through and holds app.openFile until the renderer listens", () => {
    const sent: [string, unknown][] = [];
    const gate = new EventGate((event, payload) => sent.push([event, payload]));
    gate.deliver("train.progress", { runId: "r" });
    gate.deliver("app.openFile", { path: "/a.netforge.json" });
    gate.deliver("app.openFile", { path: "/b.netforge.json" });
    expect(sent).toEqual([["train.progress", { runId: "r" }]]);
    gate.listen("app.openFile");
    expect(sent.slice(1)).toEqual([
      ["app.openFile", { path: "/a.netforge.json" }],
      ["app.openFile", { path: "/b.netforge.json" }],
    ]);
    gate.deliver("app.openFile", { path: "/c.netforge.json" });
    expect(sent).toHaveLength(4);
  });

  it("forgets listeners on reload and when the renderer drops them", () => {
    const sent: string[] = [];
    const gate = new EventGate((event) => sent.push(event));
    gate.listen("app.closeRequested");
    expect(gate.isListening("app.closeRequested")).toBe(true);
    gate.listen("app.closeRequested", false);
    expect(gate.isListening("app.closeRequested")).toBe(false);
    gate.listen("app.openFile");
    gate.reset();
    gate.deliver("app.openFile", { path: "/d.netforge.json" });
    expect(sent).toEqual([]);
  });
});
