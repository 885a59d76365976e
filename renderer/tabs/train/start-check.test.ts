import { describe, expect, it } from "vitest";
import { type StartInputs, startBlockers } from "./start-check";

const ok: StartInputs = {
  connected: true,
  graphErrors: [],
  probe: { binding: "inline", error: null, probing: false },
  binding: [],
  configIssues: [],
  busy: false,
  elsewhere: false,
};

describe("startBlockers", () => {
  it("is empty when everything is in place", () => {
    expect(startBlockers(ok)).toEqual([]);
  });

  it("names each problem and where to fix it", () => {
    const reasons = startBlockers({
      connected: false,
      busy: true,
      elsewhere: true,
      graphErrors: [{ code: "E_NO_OUTPUT", severity: "error", message: "the graph has no output" }],
      probe: { binding: "none", error: null, probing: false },
      binding: [{ code: "E_DATA_INPUT_SHAPE", severity: "error", message: "shape differs" }],
      configIssues: [{ path: "batchSize", message: "batchSize must be an integer >= 1. Received: batchSize=0" }],
    });
    expect(reasons).toEqual([
      "No connection to the NetForge host: training runs there.",
      "A run is training; stop it before starting another.",
      "The design has 1 error (first: E_NO_OUTPUT the graph has no output); fix them in the Design tab.",
      "No data is bound: choose a dataset in the Data tab.",
      "Data and model disagree: shape differs.",
      "Training settings: batchSize must be an integer >= 1. Received: batchSize=0",
    ]);
  });

  it("says when another project's run holds the trainer", () => {
    expect(startBlockers({ ...ok, elsewhere: true })).toEqual([
      "A run of a project opened before this one is still training; stop it (Stop other run) to train here.",
    ]);
  });

  it("reports unreadable data once the probe has answered", () => {
    const probe = { binding: "spec" as const, error: "no such file", probing: false };
    expect(startBlockers({ ...ok, probe })).toEqual(["The data cannot be read: no such file"]);
    expect(startBlockers({ ...ok, probe: { ...probe, probing: true } })).toEqual([]);
  });
});
