import { ShapeError } from "../diagnostics";
import { compatibleShapes, formatShape, type Shape } from "../shapes/shape";
import { bool, float, int } from "./params";
import { defineLayer, expectMinRank } from "./spec";

/**
 * Generative blocks: the VAE sampler (Kingma & Welling 2014) and the GAN markers (Goodfellow et al.
 * 2014) that tell the trainer where the generator and discriminator sub-networks end.
 */

export const VAESampling = defineLayer({
  kind: "VAESampling",
  title: "VAE Sampling",
  category: "Generative",
  params: {
    klWeight: float({
      default: 1,
      min: 0,
      max: 1000,
      doc: "Factor on the KL term added to the loss (1 = the standard VAE; > 1 = beta-VAE; 0 = plain autoencoder).",
    }),
  },
  inputs: [
    {
      name: "mean",
      doc: "μ, the encoder's latent mean (d), from a linear Dense(latent).",
    },
    {
      name: "logVar",
      doc: "log σ², the latent log-variance (d), from a second linear Dense(latent).",
    },
  ],
  infer: (_p, [mean, logVar]) => {
    expectMinRank("VAESampling", mean as Shape, 1, "mean");
    expectMinRank("VAESampling", logVar as Shape, 1, "logVar");
    if (!compatibleShapes(mean as Shape, logVar as Shape)) {
      throw new ShapeError(
        "E_SHAPE_MISMATCH",
        `VAESampling needs mean and logVar of the same shape (one variance per latent unit); received mean ${formatShape(mean as Shape)} and logVar ${formatShape(logVar as Shape)}`,
      );
    }
    return [(mean as Shape).map((dim, i) => dim ?? (logVar as Shape)[i] ?? null)];
  },
  weights: () => [],
  label: (p) => (p.klWeight === 1 ? "" : `KL x${p.klWeight}`),
  doc: {
    summary:
      "Reparameterisation trick: draws z = μ + σ·ε and adds the KL term that keeps the latent code near N(0, I).",
    formula:
      "training: z = μ + exp(0.5 logVar) ⊙ ε, ε ~ N(0, I); inference/export: z = μ. Loss += klWeight · KL with KL = -0.5 Σ_j (1 + logVar_j - μ_j^2 - exp(logVar_j)) per sample (averaged over the batch); e.g. μ = [1, 0], logVar = [0, 0]: KL = 0.5",
    inputShape: "mean (d), logVar (d), equal shapes",
    outputShape: "(d): the latent sample z",
    whenToUse:
      "Between the encoder and the decoder of a variational autoencoder: encoder -> Dense(latent) for μ and Dense(latent) for logVar -> VAESampling -> decoder. The decoder's reconstruction loss (BCE or MSE) plus this KL term is the negative ELBO.",
    aliases: [
      "vae",
      "variational autoencoder",
      "reparameterization",
      "reparameterisation",
      "sampler",
      "latent sampling",
      "kl divergence",
    ],
    notes: [
      "The notes' code has a log σ head: z = mean + exp(log_stddev)·ε. This layer takes the log-variance instead (Kingma & Welling 2014, Keras' VAE example): exp(0.5 logVar) = σ, so logVar = 2 log σ; both give the same z.",
      "The reason for the log is that a linear Dense can output any real number while σ = exp(0.5 logVar) stays positive; it has nothing to do with softmax, as the notes suggest.",
      "The notes never give the VAE loss: it is reconstruction + KL(N(μ, σ²) || N(0, I)); the KL part is what this layer adds (times klWeight).",
      "Scale: the KL is summed over the latent units, while the usual reconstruction losses (MSE, BCE) average over the output features. With MSE over D features, the ELBO of a decoder with noise variance s² is MSE + (2 s² / D) · KL, so klWeight 1 means s² = D / 2: on data whose variance is below that, the cheapest loss ignores the input (posterior collapse: constant reconstructions, validation loss rising from the first epoch). The VAE template uses 0.05 (D = 4, s² = 0.1).",
      "Sampling through ε makes z differentiable in μ and σ: the randomness is an input, not an operation the gradient must pass through. 'Secret space' in the notes means latent space.",
    ],
  },
});

export const GANGenerator = defineLayer({
  kind: "GANGenerator",
  title: "GAN Generator (marker)",
  category: "Generative",
  params: {
    samplesPerEpoch: int({
      default: 16,
      min: 0,
      max: 256,
      doc: "How many samples (from fixed noise) the trainer shows after each epoch; 0 = none.",
    }),
  },
  inputs: [
    {
      name: "in",
      doc: "The generator sub-network's output G(z), e.g. a (28, 28, 1) tanh image.",
    },
  ],
  infer: (_p, [x]) => {
    expectMinRank("GANGenerator", x as Shape, 1);
    return [x as Shape];
  },
  weights: () => [],
  label: (p) => (p.samplesPerEpoch > 0 ? `${p.samplesPerEpoch} samples` : ""),
  doc: {
    summary: "Marks the generator's output G(z); passes it through unchanged.",
    formula:
      "y = x (identity). The trainer alternates: a D step on a real batch (label 1) and G(z) (label 0) with G fixed, then a G step that trains G through the frozen D to make D(G(z)) -> 1",
    inputShape: "any, the shape of one generated sample",
    outputShape: "unchanged; must equal the discriminator Input's shape",
    whenToUse:
      "In a GAN graph: noise Input (latent) -> generator layers -> GANGenerator. The generator's output shape must equal the discriminator's Input shape (the graph check reports E_GAN_PAIR otherwise).",
    aliases: ["gan", "generator", "generative adversarial network", "fake sample", "g(z)"],
    notes: [
      "The notes write 'Generator G(x)'; the generator maps noise z ~ p_z(z) to a sample G(z). p_z is the noise prior, not the 'distribution of the generator' (that is p_g, the distribution of G(z)).",
      "The notes say to backpropagate the loss into both models; training alternates instead: D steps with G fixed, then G steps with D frozen.",
      "Generator outputs are usually tanh, so scale real images to [-1, 1] to match.",
    ],
  },
});

export const GANDiscriminator = defineLayer({
  kind: "GANDiscriminator",
  title: "GAN Discriminator (marker)",
  category: "Generative",
  params: {
    fromLogits: bool({
      default: false,
      doc: "false: the input is a probability (end D with a sigmoid); true: a raw logit (BCE from logits, numerically steadier).",
    }),
  },
  inputs: [
    {
      name: "in",
      doc: "The discriminator sub-network's output (1): P(real) or its logit.",
    },
  ],
  infer: (_p, [x]) => {
    const s = x as Shape;
    if (s.length !== 1 || s[0] !== 1) {
      throw new ShapeError(
        "E_SHAPE_MISMATCH",
        `GANDiscriminator expects one real/fake score per sample, shape [1] (e.g. Dense(1)); received ${formatShape(s)}`,
      );
    }
    return [s];
  },
  weights: () => [],
  label: (p) => (p.fromLogits ? "logits" : "prob"),
  doc: {
    summary: "Marks the discriminator's output D(x), the probability (or logit) that the input is real.",
    formula:
      "y = x (identity). Losses (BCE): L_D = -[log D(x) + log(1 - D(G(z)))]; L_G = -log D(G(z)), the non-saturating form of min_G max_D V(D, G) = E_x~p_data[log D(x)] + E_z~p_z[log(1 - D(G(z)))]",
    inputShape: "(1): one score per sample",
    outputShape: "(1), unchanged",
    whenToUse:
      "In a GAN graph: Input (sample shape) -> discriminator layers -> Dense(1) (sigmoid unless fromLogits) -> GANDiscriminator. Pair it with exactly one GANGenerator.",
    aliases: ["gan", "discriminator", "critic", "real or fake", "adversary", "d(x)"],
    notes: [
      "Training alternates (Goodfellow et al. 2014): D is trained on real and generated batches while G is fixed, then G is trained through a frozen D; the notes' 'backpropagate into both models' omits the alternation.",
      "The generator is penalised for failing to fool the discriminator (the notes' 'to do' is a typo).",
      "The G loss -log D(G(z)) replaces log(1 - D(G(z))), which has vanishing gradients early in training when D easily rejects fakes.",
    ],
  },
});

export const generativeLayers = [VAESampling, GANGenerator, GANDiscriminator] as const;
