import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contract } from "../../shared/api/contract";
import { ApiError } from "../../shared/api/errors";
import { IDX_IMAGES_MAGIC } from "../data/idx/read";
import { encodeIdx } from "../data/idx/write";
import { corruptBytes, png } from "../data/image-folder/test-fixtures";
import { FolderAccess } from "./access";
import { DataService } from "./data";
import { thumbnails } from "./thumbnails";

let root: string;
let outside: string;
let folders: FolderAccess;

const request = (r: unknown) => contract.methods["data.thumbnails"].request.parse(r);

async function pixels(url: string) {
  const buffer = Buffer.from(url.slice(url.indexOf(",") + 1), "base64");
  return sharp(buffer).raw().toBuffer({ resolveWithObject: true });
}

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), "netforge-thumbs-"));
  outside = mkdtempSync(join(tmpdir(), "netforge-outside-"));
  mkdirSync(join(root, "cats"));
  writeFileSync(join(root, "cats", "big.png"), await png(200, 100, [255, 0, 0]));
  writeFileSync(join(root, "cats", "tiny.png"), await png(8, 8, [0, 0, 255]));
  writeFileSync(join(root, "cats", "broken.png"), corruptBytes());
  writeFileSync(join(outside, "secret.png"), await png(4, 4, [0, 255, 0]));
  folders = new FolderAccess([tmpdir()]);
  await folders.open(root);
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe("data.thumbnails", () => {
  it("returns small PNG data URLs with the image's pixels, not enlarging small images", async () => {
    const r = await thumbnails(folders, request({ folder: root, files: ["cats/big.png", "cats/tiny.png"], size: 32 }));
    expect(contract.methods["data.thumbnails"].response.parse(r)).toEqual(r);
    const [big, tiny] = r.thumbnails;
    expect([big.width, big.height, tiny.width, tiny.height]).toEqual([32, 16, 8, 8]);
    expect(big.url?.startsWith("data:image/png;base64,")).toBe(true);
    const decoded = await pixels(big.url as string);
    expect([decoded.info.width, decoded.info.height]).toEqual([32, 16]);
    expect([...decoded.data.subarray(0, 3)]).toEqual([255, 0, 0]);
    expect([...(await pixels(tiny.url as string)).data.subarray(0, 3)]).toEqual([0, 0, 255]);
  });

  it("reports a file that does not decode without failing the others", async () => {
    const r = await thumbnails(folders, request({ folder: root, files: ["cats/broken.png", "cats/tiny.png"] }));
    expect(r.thumbnails[0]).toMatchObject({ file: "cats/broken.png", url: null });
    expect(r.thumbnails[0].error).toMatch(/expected a readable PNG, JPEG, WebP or GIF image/);
    expect(r.thumbnails[1].url).not.toBeNull();
  });

  it("refuses folders and files outside the opened folders (E_FORBIDDEN_PATH)", async () => {
    const refusal = (r: unknown) =>
      thumbnails(folders, request(r)).then(
        () => null,
        (e: unknown) => e as ApiError,
      );
    expect((await refusal({ folder: outside, files: ["secret.png"] }))?.code).toBe("E_FORBIDDEN_PATH");
    // A link inside the opened folder that points out of it is outside too.
    symlinkSync(join(outside, "secret.png"), join(root, "cats", "link.png"));
    const viaLink = await refusal({ folder: root, files: ["cats/link.png"] });
    expect(viaLink).toBeInstanceOf(ApiError);
    expect(viaLink?.code).toBe("E_FORBIDDEN_PATH");
    expect(viaLink?.message).toContain("open its folder first");
    const dotted = await refusal({ folder: root, files: ["../secret.png"] });
    expect(dotted?.code).toBe("E_BAD_REQUEST");
    expect(dotted?.message).toContain('received "../secret.png"');
  });

  it("limits a request to 64 files of at most 64 pixels", () => {
    const files = Array.from({ length: 65 }, (_, i) => `cats/${i}.png`);
    expect(() => request({ folder: root, files })).toThrow(/at most 64 files/);
    expect(() => request({ folder: root, files: [], size: 65 })).toThrow();
  });
});

describe("data.thumbnails of an IDX images file", () => {
  // Three 2x3 images with grey levels 0, 128 and 255; gzip as MNIST ships.
  const grey = [0, 128, 255];
  const idx = () => join(root, "images-idx3-ubyte.gz");
  beforeEach(() => {
    const data = new Uint8Array(grey.flatMap((g) => new Array(6).fill(g)));
    writeFileSync(idx(), gzipSync(encodeIdx(IDX_IMAGES_MAGIC, [3, 2, 3], data)));
  });

  it("returns the images asked for by index, keyed by the index, at their own size", async () => {
    const r = await thumbnails(folders, request({ idx: idx(), indices: [2, 0], size: 48 }));
    expect(contract.methods["data.thumbnails"].response.parse(r)).toEqual(r);
    expect(r.thumbnails.map((t) => [t.file, t.width, t.height])).toEqual([
      ["2", 3, 2],
      ["0", 3, 2],
    ]);
    const [white, black] = await Promise.all(r.thumbnails.map((t) => pixels(t.url as string)));
    expect(white.data[0]).toBe(255);
    expect(black.data[0]).toBe(0);
  });

  it("says which indices exist, refuses files outside the opened folders and half requests", async () => {
    const err = (r: unknown) =>
      thumbnails(folders, request(r)).then(
        () => null,
        (e: unknown) => e as Error,
      );
    const data = new DataService(folders);
    const past = await data.thumbnails(request({ idx: idx(), indices: [3] })).catch((e: unknown) => e as ApiError);
    expect(past).toBeInstanceOf(ApiError);
    expect((past as ApiError).message).toContain("expected image indices from 0 to 2; received 3");
    writeFileSync(join(outside, "x.idx"), encodeIdx(IDX_IMAGES_MAGIC, [1, 1, 1], new Uint8Array(1)));
    expect(((await err({ idx: join(outside, "x.idx"), indices: [0] })) as ApiError)?.code).toBe("E_FORBIDDEN_PATH");
    expect(() => request({ idx: idx() })).toThrow(/expected folder and files .* or idx and indices .*; received idx/);
    expect(() => request({ folder: root, files: [], idx: idx(), indices: [] })).toThrow(
      /received folder, files, idx, indices/,
    );
  });
});
