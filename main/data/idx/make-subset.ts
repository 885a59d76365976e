/**
 * Tool (not run by the app or the tests): writes the Fashion-MNIST subset shipped in
 * resources/datasets/fashion-mnist-subset from the full set of Debian's dataset-fashion-mnist.
 * It keeps, per class, the first PER_CLASS images in file order (the published files are already
 * shuffled), so the subset is balanced and reproducible: running it again gives identical bytes
 * (gzip level 9, Node writes mtime 0 in the gzip header).
 *
 *   npx tsx main/data/idx/make-subset.ts [sourceDir] [outDir]
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { DEBIAN_FASHION_MNIST_DIR, fashionMnistFiles } from "./fashion-mnist";
import { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, loadIdx } from "./read";
import { encodeIdx } from "./write";

const PER_CLASS = { train: 200, t10k: 50 } as const;

export async function makeSubset(sourceDir: string, outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  for (const split of ["train", "t10k"] as const) {
    const full = await loadIdx({ ...fashionMnistFiles(sourceDir, split), scale: "none" });
    const pixels = full.xShape[1] * full.xShape[2];
    const taken = new Array<number>(full.numClasses).fill(0);
    const picked: number[] = [];
    for (let i = 0; i < full.n; i++) {
      if (taken[full.y[i]] < PER_CLASS[split]) {
        taken[full.y[i]]++;
        picked.push(i);
      }
    }
    const x = new Uint8Array(picked.length * pixels);
    const y = new Uint8Array(picked.length);
    picked.forEach((src, dst) => {
      x.set((full.x as Uint8Array).subarray(src * pixels, (src + 1) * pixels), dst * pixels);
      y[dst] = full.y[src];
    });
    const out = fashionMnistFiles(outDir, split);
    const dims = [picked.length, full.xShape[1], full.xShape[2]];
    await writeFile(out.images, gzipSync(encodeIdx(IDX_IMAGES_MAGIC, dims, x), { level: 9 }));
    await writeFile(out.labels, gzipSync(encodeIdx(IDX_LABELS_MAGIC, [picked.length], y), { level: 9 }));
    console.log(`${split}: ${picked.length} images (${PER_CLASS[split]} per class) -> ${out.images}`);
  }
}

if (process.argv[1]?.endsWith("make-subset.ts")) {
  const outDir = process.argv[3] ?? join(import.meta.dirname, "../../../resources/datasets/fashion-mnist-subset");
  await makeSubset(process.argv[2] ?? DEBIAN_FASHION_MNIST_DIR, outDir);
}
