import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_MESSAGE_BYTES, MAX_UPLOAD_BYTES, UPLOAD_PART_BYTES } from "../../shared/api/limits";
import type { Host } from "./host";
import { hostWithOpenFolder, refusal } from "./test-host";

/** fs.upload in parts, through the real host on a real folder. */
let dir: string;
let host: Host;

beforeEach(async () => {
  ({ host, folder: dir } = await hostWithOpenFolder("netforge-upload"));
});
afterEach(() => host.close());

const part = (bytes: Buffer, offset: number, last: boolean) => ({
  folder: dir,
  name: "big.bin",
  base64: bytes.toString("base64"),
  offset,
  last,
});

describe("uploads in parts", () => {
  it("a part fits a message with room to spare once base64-encoded", () => {
    expect((UPLOAD_PART_BYTES * 4) / 3 + 1024).toBeLessThan(MAX_MESSAGE_BYTES);
  });

  it("assembles the parts in order; the file appears only with the last part", async () => {
    const data = randomBytes(2 * 1024 * 1024 + 5);
    const parts = [data.subarray(0, 1_000_000), data.subarray(1_000_000, 2_000_000), data.subarray(2_000_000)];
    let offset = 0;
    for (const [i, bytes] of parts.entries()) {
      const last = i === parts.length - 1;
      const r = await host.call("fs.upload", part(bytes, offset, last));
      offset += bytes.length;
      expect(r.bytes).toBe(offset);
      expect(readdirSync(dir).includes("big.bin")).toBe(last);
    }
    expect(readFileSync(join(dir, "big.bin")).equals(data)).toBe(true);
    expect(readdirSync(dir)).toEqual(["big.bin"]);
  });

  it("refuses a part out of order, naming the offset expected, and a file that already exists", async () => {
    const bytes = randomBytes(100);
    const gap = await refusal(host.call("fs.upload", part(bytes, 100, true)));
    expect(gap.code).toBe("E_BAD_REQUEST");
    expect(gap.message).toMatch(/offset: expected 0 \(no upload of this file is under way\); received 100/);
    await host.call("fs.upload", part(bytes, 0, false));
    const skip = await refusal(host.call("fs.upload", part(bytes, 150, true)));
    expect(skip.message).toMatch(/offset: expected 100 \(the bytes received so far\); received 150/);
    writeFileSync(join(dir, "big.bin"), "mine");
    const exists = await refusal(host.call("fs.upload", part(bytes, 0, true)));
    expect(exists.code).toBe("E_EXISTS");
    expect(readFileSync(join(dir, "big.bin"), "utf8")).toBe("mine");
  });

  it(`refuses to grow a file past ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB and removes what it had`, async () => {
    await host.call("fs.upload", part(randomBytes(10), 0, false));
    const big = await refusal(host.call("fs.upload", part(randomBytes(20), MAX_UPLOAD_BYTES - 10, true)));
    expect(big.code).toBe("E_TOO_LARGE");
    expect(big.message).toMatch(/at most 64 MiB; this part ends at byte 67108874/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
