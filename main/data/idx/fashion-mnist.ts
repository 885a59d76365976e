/**
 * Fashion-MNIST (Zalando Research, MIT licence, https://github.com/zalandoresearch/fashion-mnist):
 * 28x28 grayscale images of clothing in 10 classes. The full set comes from Debian's
 * dataset-fashion-mnist package; a small balanced subset ships in resources/datasets.
 */
export const FASHION_MNIST_CLASSES = [
  "T-shirt/top",
  "Trouser",
  "Pullover",
  "Dress",
  "Coat",
  "Sandal",
  "Shirt",
  "Sneaker",
  "Bag",
  "Ankle boot",
] as const;

/** Where `dpkg -L dataset-fashion-mnist` puts the files. */
export const DEBIAN_FASHION_MNIST_DIR = "/usr/share/datasets/fashion-mnist";

export function fashionMnistFiles(dir: string, split: "train" | "t10k") {
  return {
    images: `${dir}/${split}-images-idx3-ubyte.gz`,
    labels: `${dir}/${split}-labels-idx1-ubyte.gz`,
    classNames: [...FASHION_MNIST_CLASSES],
  };
}
