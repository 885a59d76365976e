import * as tf from "@tensorflow/tfjs";

/**
 * How far a GAN's generated 2-D points lie from a ring centred on the origin, as a fraction of its
 * radius: the mean over the points of | ‖p‖ − radius | / radius. 0 = every point on the ring; the
 * untrained generator of the gan-ring template scores about 0.9 (a blob near the centre).
 */
export function ringDistance(points: readonly (readonly number[])[], radius: number): number {
  if (points.length === 0) throw new Error("ringDistance: expected at least one point; received none");
  let sum = 0;
  for (const [x, y] of points) sum += Math.abs(Math.hypot(x, y) - radius) / radius;
  return sum / points.length;
}

/** `count` points from a generator fed seeded standard-normal noise of its Input's shape. */
export function generatePoints(generator: tf.LayersModel, count: number, seed: number): number[][] {
  const latent = generator.inputs[0].shape.slice(1) as number[];
  return tf.tidy(
    () =>
      (
        generator.predict(tf.randomNormal([count, ...latent], 0, 1, "float32", seed)) as tf.Tensor
      ).arraySync() as number[][],
  );
}
