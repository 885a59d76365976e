import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEBIAN_FASHION_MNIST_DIR, FASHION_MNIST_CLASSES, fashionMnistFiles } from "./fashion-mnist";
import { probeIdx } from "./probe";
import { loadIdx } from "./read";

// Integration test on the full set from Debian's dataset-fashion-mnist (installed by .ci/run).
const present = existsSync(fashionMnistFiles(DEBIAN_FASHION_MNIST_DIR, "train").images);
if (!present) {
  console.warn(
    `skipping the full Fashion-MNIST test: ${DEBIAN_FASHION_MNIST_DIR} is absent (apt-get install dataset-fashion-mnist)`,
  );
}

describe.skipIf(!present)("full Fashion-MNIST from the Debian package", () => {
  it("loads the 60,000 training images with 6,000 per class, scaled to [0, 1]", async () => {
    const d = await loadIdx({ ...fashionMnistFiles(DEBIAN_FASHION_MNIST_DIR, "train"), scale: "unit" });
    expect(d.xShape).toEqual([60000, 28, 28, 1]);
    expect(d.x.length).toBe(60000 * 28 * 28);
    expect(d.y.length).toBe(60000);
    expect(d.counts).toEqual(new Array(10).fill(6000));
    let min = 1;
    let max = 0;
    for (let i = 0; i < d.x.length; i += 97) {
      min = Math.min(min, d.x[i]);
      max = Math.max(max, d.x[i]);
    }
    expect(min).toBe(0);
    expect(max).toBe(1);
    // First training label in the published set is 9 (Ankle boot).
    expect(d.y[0]).toBe(9);
  });

  it("probes the 10,000 test images with 1,000 per class", async () => {
    const s = await probeIdx(fashionMnistFiles(DEBIAN_FASHION_MNIST_DIR, "t10k"));
    expect(s.rows).toBe(10000);
    expect(s.inputShape).toEqual([28, 28, 1]);
    expect(s.classes).toEqual(FASHION_MNIST_CLASSES.map((name) => ({ name, count: 1000 })));
    const d = await loadIdx({ ...fashionMnistFiles(DEBIAN_FASHION_MNIST_DIR, "t10k"), scale: "none" });
    expect(d.xShape).toEqual([10000, 28, 28, 1]);
  });
});

describe("bundled Fashion-MNIST subset", () => {
  const dir = join(__dirname, "../../../resources/datasets/fashion-mnist-subset");
  it.each([
    ["train", 2000],
    ["t10k", 500],
  ] as const)("%s is balanced: %i images", async (split, n) => {
    const d = await loadIdx({ ...fashionMnistFiles(dir, split), scale: "unit" });
    expect(d.xShape).toEqual([n, 28, 28, 1]);
    expect(d.counts).toEqual(new Array(10).fill(n / 10));
  });
});
