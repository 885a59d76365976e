import { describe, expect, it } from "vitest";
import { emptyGraph } from "../ir/graph";
import { PROJECT_FORMAT, PROJECT_VERSION } from "../ir/project";
import { contract, EVENT_NAMES, METHOD_NAMES, type MethodName, type RequestOf } from "./contract";
import { ApiError, describeZodIssues } from "./errors";
import { CallMessageSchema, ServerMessageSchema } from "./wire";

const project: RequestOf<"projects.save">["project"] = {
  format: PROJECT_FORMAT,
  version: PROJECT_VERSION,
  name: "P",
  graph: emptyGraph(),
};
const session = "session-0001";

/** One valid request per method; typed so that a method added to the contract needs an entry here. */
const VALID: { [M in MethodName]: RequestOf<M> } = {
  "app.info": {},
  "app.closeResponse": { proceed: true },
  "dialog.open": { purpose: "project" },
  "dialog.save": { purpose: "export", defaultName: "model.onnx" },
  "projects.new": { template: "xor" },
  "projects.open": { path: "/p/a.netforge.json" },
  "projects.save": { path: "/p/a.netforge.json", project, overwrite: false, sessionId: session },
  "projects.import": { text: "{}", fileName: "a.netforge.json" },
  "projects.recent": {},
  "projects.removeRecent": { path: "/p/a.netforge.json" },
  "projects.autosave": { sessionId: session, path: null, project },
  "projects.recovery": { sessionId: session },
  "projects.discardRecovery": { sessionId: session },
  "templates.list": {},
  "templates.get": { id: "xor" },
  "fs.list": { path: "/p" },
  "fs.openFolder": { path: "/p" },
  "fs.upload": { folder: "/p", name: "data.csv", base64: "YSxiCg==" },
  "fs.reveal": { path: "/p/a.onnx" },
  "data.probe": { spec: { source: { kind: "table", path: "iris.csv" } }, projectPath: "/p/a.netforge.json" },
  "data.specForPath": { path: "/p/iris.csv" },
  "data.thumbnails": { folder: "/p/pets", files: ["cats/a.png"], size: 32 },
  "train.start": { project, projectPath: "/p/a.netforge.json" },
  "train.stop": { runId: "run-1" },
  "train.pause": { runId: "run-1" },
  "train.resume": { runId: "run-1" },
  "runs.list": { projectPath: null },
  "runs.get": { projectPath: "/p/a.netforge.json", runId: "run-1" },
  "runs.metricsCsv": { projectPath: "/p/a.netforge.json", runId: "run-1" },
  "runs.boundary": { projectPath: "/p/a.netforge.json", runId: "run-1" },
  "runs.telemetry": { projectPath: "/p/a.netforge.json", runId: "run-1" },
  "evaluate.run": { runId: "run-1", projectPath: null, split: "validation" },
  "predict.run": { runId: "run-1", projectPath: null, samples: [{ kind: "values", x: [0, 1] }] },
  "step.run": { project, projectPath: null, sample: { index: 0 } },
  "check.gradients": { project, projectPath: null, samples: 4 },
  "check.overfit": { project, projectPath: "/p/a.netforge.json", samples: 16, maxSteps: 500 },
  "inside.featureMaps": { runId: "r1", projectPath: null, index: 3 },
  "export.readiness": { project },
  "export.run": { projectPath: "/p/a.netforge.json", runId: "run-1", format: "onnx", out: "/p/a.onnx" },
  "export.reveal": { path: "/p/a.onnx" },
};

/** A wrong value for one field of each method that has fields, and the field the error must name. */
const BAD_FIELD: Partial<Record<MethodName, [field: string, value: unknown]>> = {
  "app.closeResponse": ["proceed", "yes"],
  "dialog.open": ["purpose", "anything"],
  "dialog.save": ["purpose", 3],
  "projects.new": ["template", "../etc/passwd"],
  "projects.open": ["path", ""],
  "projects.save": ["project", { ...project, format: "netforge.graph" }],
  "projects.import": ["text", 42],
  "projects.removeRecent": ["path", null],
  "projects.autosave": ["sessionId", "../../x"],
  "projects.recovery": ["sessionId", "short"],
  "projects.discardRecovery": ["sessionId", "a/b/c/d/e/f"],
  "templates.get": ["id", "../../secrets"],
  "fs.list": ["path", "/p\0/x"],
  "fs.openFolder": ["path", 7],
  "fs.upload": ["name", "../escape.csv"],
  "fs.reveal": ["path", ""],
  "data.probe": ["spec", { source: { kind: "nope" } }],
  "check.gradients": ["samples", 0],
  "check.overfit": ["samples", 4],
  "data.specForPath": ["path", ["a"]],
  "data.thumbnails": ["size", 65],
  "train.start": ["projectPath", 5],
  "train.stop": ["runId", "../other"],
  "train.pause": ["runId", ""],
  "train.resume": ["runId", ".hidden"],
  "runs.list": ["projectPath", undefined],
  "runs.get": ["runId", "a/b"],
  "runs.metricsCsv": ["runId", 3],
  "runs.boundary": ["runId", ""],
  "runs.telemetry": ["runId", ""],
  "evaluate.run": ["split", "everything"],
  "predict.run": ["samples", []],
  "step.run": ["sample", { index: -1 }],
  "inside.featureMaps": ["index", -1],
  "export.readiness": ["project", null],
  "export.run": ["format", "pt"],
  "export.reveal": ["path", 1],
};

describe("API contract", () => {
  it("derives sorted method and event name lists from the one declaration", () => {
    expect(METHOD_NAMES).toEqual(Object.keys(contract.methods).sort());
    expect(EVENT_NAMES).toEqual(Object.keys(contract.events).sort());
    expect(Object.keys(VALID).sort()).toEqual([...METHOD_NAMES]);
  });

  it("knows only its own methods and events (no prototype names)", () => {
    for (const name of ["toString", "__proto__", "constructor", "projects", "projects.delete", "", 5, null])
      expect(contract.isMethod(name)).toBe(false);
    expect(contract.isMethod("projects.open")).toBe(true);
    expect(contract.isEvent("train.epoch")).toBe(true);
    expect(contract.isEvent("train.epochs")).toBe(false);
  });

  it.each(METHOD_NAMES)("%s accepts its valid example", (method) => {
    const r = contract.methods[method].request.safeParse(VALID[method]);
    expect(r.success, r.success ? "" : describeZodIssues(r.error)).toBe(true);
  });

  it.each(METHOD_NAMES)("%s rejects payloads that are not its request object", (method) => {
    const schema = contract.methods[method].request;
    for (const bad of [null, undefined, "text", 42, [], [VALID[method]]])
      expect(schema.safeParse(bad).success).toBe(false);
    // Unknown fields are refused rather than ignored: a typo in a field name is an error.
    const extra = schema.safeParse({ ...(VALID[method] as object), unexpectedField: 1 });
    expect(extra.success).toBe(false);
    if (!extra.success) expect(describeZodIssues(extra.error)).toContain("unexpectedField");
  });

  it.each(Object.entries(BAD_FIELD))("%s rejects a bad %s and names the field", (method, entry) => {
    const [field, value] = entry as [string, unknown];
    const r = contract.methods[method as MethodName].request.safeParse({
      ...(VALID[method as MethodName] as object),
      [field]: value,
    });
    expect(r.success).toBe(false);
    if (!r.success) expect(describeZodIssues(r.error).startsWith(field)).toBe(true);
  });

  it("every method with fields has a bad-field case", () => {
    const withFields = METHOD_NAMES.filter((m) => Object.keys(VALID[m] as object).length > 0);
    expect(withFields.filter((m) => !(m in BAD_FIELD))).toEqual([]);
  });

  it("reports what was received next to what was expected", () => {
    // The host parses with reportInput, so the message can quote the value.
    const r = contract.methods["train.stop"].request.safeParse({ runId: "../x" }, { reportInput: true });
    expect(r.success).toBe(false);
    if (!r.success) expect(describeZodIssues(r.error)).toMatch(/^runId: must be .*; received "\.\.\/x"$/);
  });

  it("validates the wire envelopes", () => {
    expect(CallMessageSchema.safeParse({ id: 1, method: "app.info", request: {} }).success).toBe(true);
    expect(CallMessageSchema.safeParse({ id: "1", method: "app.info", request: {} }).success).toBe(false);
    expect(CallMessageSchema.safeParse({ id: 1, method: "app.info", request: {}, extra: 1 }).success).toBe(false);
    expect(
      ServerMessageSchema.safeParse({ id: 1, ok: false, error: { code: "E_BAD_REQUEST", message: "m" } }).success,
    ).toBe(true);
    expect(
      ServerMessageSchema.safeParse({ id: 1, ok: false, error: { code: "E_MADE_UP", message: "m" } }).success,
    ).toBe(false);
    expect(ServerMessageSchema.safeParse({ event: "train.epoch", payload: {} }).success).toBe(true);
  });

  it("round-trips ApiError through its wire shape", () => {
    const e = ApiError.from(new ApiError("E_FORBIDDEN_PATH", "no", { path: "/x" }).toJSON());
    expect(e).toBeInstanceOf(ApiError);
    expect([e.code, e.message, e.details]).toEqual(["E_FORBIDDEN_PATH", "no", { path: "/x" }]);
    expect(ApiError.from({ nonsense: true }).code).toBe("E_INTERNAL");
  });
});
