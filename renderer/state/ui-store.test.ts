import { describe, expect, it } from "vitest";
import {
  createUiStore,
  dismissToast,
  EMPTY_SELECTION,
  requestFit,
  requestFocus,
  setSelection,
  toast,
} from "./ui-store";

describe("ui store", () => {
  it("keeps the selection object when the same ids are selected again", () => {
    const ui = createUiStore();
    setSelection(ui, { nodes: ["a", "b"] });
    const first = ui.getState().selection;
    setSelection(ui, { nodes: ["a", "b"] });
    expect(ui.getState().selection).toBe(first);
    setSelection(ui, { nodes: [] });
    expect(ui.getState().selection).toBe(EMPTY_SELECTION);
  });

  it("numbers canvas requests so that asking twice fires twice", () => {
    const ui = createUiStore();
    requestFocus(ui, "dense_1");
    const first = ui.getState().focusRequest;
    requestFocus(ui, "dense_1");
    expect(ui.getState().focusRequest).toEqual({ seq: (first?.seq ?? 0) + 1, value: "dense_1" });
    requestFit(ui);
    requestFit(ui);
    expect(ui.getState().fitRequest?.seq).toBe(2);
  });

  it("keeps the five newest toasts and dismisses by id", () => {
    const ui = createUiStore();
    const ids = Array.from({ length: 7 }, (_, i) => toast(ui, "info", `m${i}`));
    expect(ui.getState().toasts.map((t) => t.text)).toEqual(["m2", "m3", "m4", "m5", "m6"]);
    dismissToast(ui, ids[6]);
    expect(ui.getState().toasts.map((t) => t.text)).toEqual(["m2", "m3", "m4", "m5"]);
    expect(new Set(ids).size).toBe(7);
  });
});
