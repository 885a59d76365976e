import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DataError } from "../errors";
import { loadNpy, readNpy } from "./load";
import { probeNpy } from "./probe";

// Fixtures are written by NumPy itself: main/data/__fixtures__/npy/make.py.
const F = (name: string) => join(__dirname, "../__fixtures__/npy", name);
const X = Array.from({ length: 12 }, (_, i) => i / 4);
const XI = Array.from({ length: 12 }, (_, i) => i);

describe("readNpy: supported dtypes, byte orders and header versions", () => {
  const cases: [string, string, string, number[]][] = [
    ["x-le-f4.npy", "<f4", "Float32Array", X],
    ["x-be-f4.npy", ">f4", "Float32Array", X],
    ["x-le-f8.npy", "<f8", "Float32Array", X],
    ["x-be-f8.npy", ">f8", "Float32Array", X],
    ["x-le-f2.npy", "<f2", "Float32Array", X],
    ["x-le-i1.npy", "|i1", "Int32Array", XI],
    ["x-le-i2.npy", "<i2", "Int32Array", XI],
    ["x-be-i2.npy", ">i2", "Int32Array", XI],
    ["x-le-i4.npy", "<i4", "Int32Array", XI],
    ["x-le-i8.npy", "<i8", "Int32Array", XI],
    ["x-le-u1.npy", "|u1", "Uint8Array", XI],
    ["x-le-u2.npy", "<u2", "Int32Array", XI],
    ["x-le-u4.npy", "<u4", "Int32Array", XI],
    ["v2.npy", "<f4", "Float32Array", X],
    ["v3.npy", "<f4", "Float32Array", X],
  ];
  it.each(cases)("%s (%s)", async (file, descr, type, values) => {
    const a = await readNpy(F(file));
    expect(a.descr).toBe(descr);
    expect(a.shape).toEqual([3, 2, 2]);
    expect(a.data.constructor.name).toBe(type);
    expect(Array.from(a.data)).toEqual(values);
  });

  it("bool, Fortran order (transposed to C order) and 0-d arrays", async () => {
    expect(Array.from((await readNpy(F("bool.npy"))).data)).toEqual([1, 0, 0, 1, 1, 1]);
    const f = await readNpy(F("fortran.npy"));
    expect(f.shape).toEqual([2, 3]);
    expect(Array.from(f.data)).toEqual([0, 1, 2, 3, 4, 5]);
    const s = await readNpy(F("scalar.npy"));
    expect(s.shape).toEqual([]);
    expect(Array.from(s.data)).toEqual([1.5]);
  });

  it.each(["arrays.npz", "arrays-compressed.npz"])("%s: named arrays in a stored or deflated archive", async (file) => {
    const x = await readNpy(`${F(file)}:x`);
    expect(x.shape).toEqual([3, 2, 2]);
    expect(Array.from(x.data)).toEqual(X);
    expect(Array.from((await readNpy(`${F(file)}:y.npy`)).data)).toEqual([0, 2, 1]);
  });
});

describe("broken and unsupported files", () => {
  const cases: [string, string, string, RegExp][] = [
    ["not a .npy", "not-npy.npy", "E_NPY_MAGIC", /93 4e 55 4d 50 59.*received 61 2c 62/],
    ["malformed header", "bad-header.npy", "E_NPY_HEADER", /shape/],
    ["truncated data", "truncated.npy", "E_NPY_SIZE", /takes 176 bytes; received 172 \(truncated\)/],
    ["complex", "complex.npy", "E_NPY_DTYPE", /received '<c8' \(complex\)/],
    ["object", "object.npy", "E_NPY_DTYPE", /received '\|O' \(object/],
    ["strings", "strings.npy", "E_NPY_DTYPE", /received '<U2' \(string\)/],
    ["structured", "structured.npy", "E_NPY_DTYPE", /structured dtype/],
    ["missing file", "nope.npy", "E_DATA_READ", /ENOENT/],
    ["truncated archive", "truncated.npz:x", "E_NPZ_ZIP", /end-of-central-directory/],
    ["bzip2 archive", "bzip2.npz:x", "E_NPZ_ZIP", /method 0 \(stored\) or 8 \(deflate\); received 12/],
    ["archive without a name", "arrays.npz", "E_NPZ_ZIP", /holds x, y/],
    ["unknown archive entry", "arrays.npz:z", "E_NPZ_ZIP", /named 'z'.*holds x, y/],
  ];
  it.each(cases)("%s", async (_, file, code, message) => {
    for (const attempt of [() => loadNpy({ x: F(file) }), () => probeNpy({ x: F(file) })]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataError);
      expect((error as DataError).code).toBe(code);
      expect((error as DataError).message).toMatch(message);
      expect((error as DataError).message).toContain("__fixtures__/npy/");
    }
  });

  it("int64 values beyond int32 (found on load; a probe reads only the header)", async () => {
    const error = (await loadNpy({ x: F("i8-too-big.npy") }).catch((e: unknown) => e)) as DataError;
    expect(error.code).toBe("E_NPY_RANGE");
    expect(error.message).toMatch(/received 1099511627776 at flat index 1/);
    expect((await probeNpy({ x: F("i8-too-big.npy") })).rows).toBe(2);
  });

  it.each([
    ["labels-two.npy", undefined, "E_NPY_SHAPE", /x \(.*\) has 3 samples; received y of shape \(2\)/],
    ["labels-negative.npy", undefined, "E_NPY_LABEL_RANGE", /non-negative integers; received -1 at sample 1/],
    ["labels.npy", ["a", "b"], "E_NPY_LABEL_RANGE", /0\.\.1 \(2 class names\); received 2 at sample 1/],
  ] as const)("y = %s", async (y, classNames, code, message) => {
    const source = { x: F("x-le-f4.npy"), y: F(y), classNames: classNames && [...classNames] };
    for (const attempt of [() => loadNpy(source), () => probeNpy(source)]) {
      const error = (await attempt().catch((e: unknown) => e)) as DataError;
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
    }
  });
});

describe("loadNpy and probeNpy", () => {
  it("integer labels -> classification with counts", async () => {
    const source = { x: F("x-le-f4.npy"), y: F("labels.npy"), classNames: ["a", "b", "c"] };
    const d = await loadNpy(source);
    expect(d).toMatchObject({ n: 3, task: "classification", numClasses: 3, counts: [1, 1, 1] });
    expect(await probeNpy(source)).toMatchObject({
      kind: "npy",
      rows: 3,
      inputShape: [2, 2],
      outputShape: [3],
      task: "classification",
      classes: [
        { name: "a", count: 1 },
        { name: "b", count: 1 },
        { name: "c", count: 1 },
      ],
      preview: [
        ["sample 0", "a"],
        ["sample 1", "c"],
        ["sample 2", "b"],
      ],
      warnings: [],
    });
  });

  it("float targets -> regression; no y -> unsupervised; an archive holds both", async () => {
    const r = await probeNpy({ x: F("x-le-f4.npy"), y: F("targets.npy") });
    expect(r).toMatchObject({ task: "regression", outputShape: [1], rows: 3 });
    expect((await probeNpy({ x: F("x-le-f8.npy") })).task).toBe("unsupervised");
    expect((await probeNpy({ x: F("x-le-f8.npy") })).warnings.map((w) => w.code)).toEqual(["W_NPY_FLOAT64"]);
    const z = await probeNpy({ x: `${F("arrays-compressed.npz")}:x`, y: `${F("arrays-compressed.npz")}:y` });
    expect(z).toMatchObject({ task: "classification", rows: 3, classes: [{ count: 1 }, { count: 1 }, { count: 1 }] });
    expect(await loadNpy({ x: F("x-le-f4.npy"), y: F("labels.npy"), task: "regression" })).toMatchObject({
      task: "regression",
    });
  });
});
