import { GraphSchema } from "./graph";

/** The generator and discriminator marker node ids, when the graph is a GAN. */
export function ganMarkers(graph: unknown): { generator: string; discriminator: string } | null {
  const parsed = GraphSchema.safeParse(graph);
  if (!parsed.success) return null;
  const find = (kind: string) => parsed.data.nodes.find((n) => n.kind === kind)?.id;
  const generator = find("GANGenerator");
  const discriminator = find("GANDiscriminator");
  return generator && discriminator ? { generator, discriminator } : null;
}
