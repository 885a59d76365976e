import { describe, expect, it } from "vitest";
import { UPLOAD_PART_BYTES } from "../../../shared/api/limits";
import type { NetforgeClient } from "../../api/client";
import { uploadInParts } from "./actions";

/** The browser's side of a large upload: consecutive parts that cover the file, the last one marked. */
describe("uploadInParts", () => {
  const record = () => {
    const calls: { offset: number; last: boolean; bytes: Uint8Array }[] = [];
    const client = {
      call: async (
        _method: string,
        req: { base64: string; offset: number; last: boolean; folder: string; name: string },
      ) => {
        const bytes = Uint8Array.from(atob(req.base64), (c) => c.charCodeAt(0));
        calls.push({ offset: req.offset, last: req.last, bytes });
        return { path: `${req.folder}/${req.name}`, bytes: req.offset + bytes.length };
      },
    } as unknown as NetforgeClient;
    return { calls, client };
  };

  for (const size of [
    0,
    1,
    UPLOAD_PART_BYTES - 1,
    UPLOAD_PART_BYTES,
    UPLOAD_PART_BYTES + 1,
    2 * UPLOAD_PART_BYTES + 7,
  ]) {
    it(`${size} bytes`, async () => {
      const data = new Uint8Array(size);
      for (let i = 0; i < size; i++) data[i] = (i * 31) & 255;
      const { calls, client } = record();
      const path = await uploadInParts(client, "/p", new File([data], "f.bin"));
      expect(path).toBe("/p/f.bin");
      expect(calls.length).toBe(Math.max(1, Math.ceil(size / UPLOAD_PART_BYTES)));
      expect(calls.map((c) => c.last)).toEqual(calls.map((_, i) => i === calls.length - 1));
      let offset = 0;
      for (const c of calls) {
        expect(c.offset).toBe(offset);
        expect(c.bytes.length).toBeLessThanOrEqual(UPLOAD_PART_BYTES);
        let differing = 0; // a plain loop: a deep equality over megabytes takes minutes
        for (let i = 0; i < c.bytes.length; i++) if (c.bytes[i] !== data[offset + i]) differing++;
        expect(differing).toBe(0);
        offset += c.bytes.length;
      }
      expect(offset).toBe(size);
    });
  }
});
