import type { GraphAnalysis } from "../shapes/infer";

/** The marker blocks that make a graph a GAN: the trainer then runs its own loop (main/trainer/run/gan.ts). */
export const GAN_MARKERS: ReadonlySet<string> = new Set(["GANGenerator", "GANDiscriminator"]);

/** Whether the graph holds a GAN marker (the pair is checked by E_GAN_PAIR). */
export function isGanGraph(graph: GraphAnalysis): boolean {
  return Object.values(graph.nodes).some((n) => GAN_MARKERS.has(n.kind));
}

/**
 * Training settings a GAN run does not read: its two losses are fixed by the alternating loop, and
 * it reports only them, so a loss or metric choice here would be a setting that changes nothing.
 */
export const GAN_UNUSED_SETTINGS: ReadonlySet<string> = new Set(["loss", "metrics"]);

/** What a GAN run minimizes, as the Train tab shows it in place of the loss choice. */
export const GAN_LOSSES = [
  {
    name: "d_loss",
    text: "discriminator: binary cross-entropy of real samples as 1 and generated ones as 0",
  },
  {
    name: "g_loss",
    text: "generator: binary cross-entropy of its samples as 1 through the discriminator (non-saturating)",
  },
] as const;
