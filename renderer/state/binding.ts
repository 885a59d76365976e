import type { DatasetSummary } from "../../shared/datasets/summary";
import { targetFit } from "../../shared/datasets/target-fit";
import type { Diagnostic, DiagnosticCode } from "../../shared/diagnostics";
import type { GraphAnalysis } from "../../shared/shapes/infer";
import { compatibleShapes, formatShape } from "../../shared/shapes/shape";
import type { LossConfig } from "../../shared/training/config";

/**
 * Whether the bound data fits the model: the probe's sample shape against the Input block's
 * declared shape, and the number of classes or targets against what the output block gives per
 * sample. Coded like the graph's diagnostics ("expected ..., received ...") with a one-click fix
 * where one edit settles it. inferGraph does not see the data; the analysis store merges these
 * into its diagnostics (renderer/state/analysis.ts) once the tabs session hands it a probe summary.
 */
export type BindingCode = Extract<
  DiagnosticCode,
  "E_DATA_INPUT_SHAPE" | "E_DATA_OUTPUT_SIZE" | "E_DATA_LOSS" | "W_DATA_INPUTS"
>;

const BINDING_CODES: ReadonlySet<string> = new Set<BindingCode>([
  "E_DATA_INPUT_SHAPE",
  "E_DATA_OUTPUT_SIZE",
  "E_DATA_LOSS",
  "W_DATA_INPUTS",
]);

/** True for the diagnostics that come from the data binding rather than from the graph. */
export const isBindingCode = (code: string): code is BindingCode => BINDING_CODES.has(code);

export interface BindingIssue {
  code: BindingCode;
  severity: "error" | "warning";
  message: string;
  nodeId?: string;
  fix?: { title: string; nodeId: string; params: Record<string, unknown> };
}

/** The issue as a coded diagnostic (its fix stays on the issue; fixes.ts looks it up). */
export function bindingDiagnostic(issue: BindingIssue): Diagnostic {
  return {
    code: issue.code,
    severity: issue.severity,
    message: issue.message,
    ...(issue.nodeId === undefined ? {} : { nodeId: issue.nodeId }),
  };
}

/**
 * `loss` is the project's own loss; null when it leaves the loss to the model (the suggested loss
 * then fits by construction, so only the sizes are checked).
 */
export function bindingIssues(
  summary: DatasetSummary,
  graph: GraphAnalysis,
  loss: LossConfig | null = null,
): BindingIssue[] {
  const issues: BindingIssue[] = [];
  // A GAN's data are real samples for the discriminator, not what its Input (the noise) takes; the
  // trainer pairs them with the generator's output itself (main/trainer/run/gan.ts).
  if (Object.values(graph.nodes).some((n) => n.kind === "GANGenerator" || n.kind === "GANDiscriminator")) return issues;
  const inputs = graph.inputs.filter((id) => graph.nodes[id]?.kind === "Input");
  if (inputs.length === 1) {
    const id = inputs[0];
    const declared = graph.nodes[id]?.outputShapes?.[0];
    const given = summary.inputShape;
    if (declared && given.length > 0 && !compatibleShapes(declared, given)) {
      const name = graph.nodes[id]?.name ?? id;
      issues.push({
        code: "E_DATA_INPUT_SHAPE",
        severity: "error",
        nodeId: id,
        message: `the Input "${name}" expects samples of shape ${formatShape(declared)}, but the data gives ${formatShape(given)}`,
        fix: { title: `Set the Input's shape to ${formatShape(given)}`, nodeId: id, params: { shape: [...given] } },
      });
    }
  } else if (inputs.length > 1 && summary.task !== "sequence") {
    issues.push({
      code: "W_DATA_INPUTS",
      severity: "warning",
      message: `the model has ${inputs.length} Input blocks; this data feeds one, so the sample shape is not checked`,
    });
  }

  const outputId = graph.outputs.length === 1 ? graph.outputs[0] : null;
  const out = outputId ? graph.nodes[outputId] : undefined;
  const produced = out?.outputShapes?.[0];
  if (outputId && out && produced) {
    const problem = targetFit(summary, produced.at(-1) ?? null, loss, out.name);
    const units = problem?.units;
    if (problem) {
      issues.push({
        code: problem.code,
        severity: "error",
        nodeId: outputId,
        message: problem.message,
        ...(units !== undefined && (out.kind === "Dense" || out.kind === "Perceptron")
          ? { fix: { title: `Set ${out.name}'s units to ${units}`, nodeId: outputId, params: { units } } }
          : {}),
      });
    }
  }
  return issues;
}
