import type { Value } from "../graph";
import type { Dim, ValueInfo } from "../model";
import { DataType, type DataTypeCode } from "../proto";
import type { ExportInputMode, PipelineDescription, PipelinePort, PortDtype, SideFile } from "./types";

/**
 * Collects what a pipeline tells its users while it emits: the file's ports, the steps inside it
 * (raw) or left to the user (bare), the user's own steps, metadata and side files. One per build.
 */
export class Recorder {
  readonly inputs: PipelinePort[] = [];
  readonly outputs: PipelinePort[] = [];
  readonly steps: string[] = [];
  readonly userSteps: string[] = [];
  readonly metadata: Record<string, string> = {};
  readonly sideFiles: SideFile[] = [];
  /** Bare mode: the exact transform per model input (netforge.transform). */
  readonly transforms: Record<string, unknown> = {};

  constructor(readonly mode: ExportInputMode) {}

  input(info: ValueInfo, description: string, columns?: string[]): void {
    this.inputs.push({ ...port(info, description), ...(columns ? { columns } : {}) });
  }

  output(info: ValueInfo, description: string): void {
    this.outputs.push(port(info, description));
  }

  step(line: string): void {
    this.steps.push(line);
  }

  userStep(line: string): void {
    if (!this.userSteps.includes(line)) this.userSteps.push(line);
  }

  describe(extra: Record<string, string>): PipelineDescription {
    return {
      mode: this.mode,
      inputs: [...this.inputs],
      outputs: [...this.outputs],
      steps: [...this.steps],
      userSteps: [...this.userSteps],
      metadata: { ...this.metadata, ...extra },
      sideFiles: [...this.sideFiles],
    };
  }
}

const DTYPES: Partial<Record<DataTypeCode, PortDtype>> = {
  [DataType.FLOAT]: "float32",
  [DataType.INT32]: "int32",
  [DataType.INT64]: "int64",
  [DataType.UINT8]: "uint8",
  [DataType.STRING]: "string",
};

export function portDtype(elemType: DataTypeCode): PortDtype {
  const d = DTYPES[elemType];
  if (!d) throw new Error(`a pipeline port must be float32, int32, int64, uint8 or string; received type ${elemType}`);
  return d;
}

function port(info: ValueInfo, description: string): PipelinePort {
  return { name: info.name, dtype: portDtype(info.elemType), shape: [...info.dims], description };
}

/** A graph input declared as the bare Input would be: the network reads it unchanged. */
export function declareInput(
  g: { addInput(base: string, elemType: DataTypeCode, dims: Dim[]): string },
  base: string,
  elemType: DataTypeCode,
  dims: Dim[],
): { info: ValueInfo; value: Value } {
  const name = g.addInput(base, elemType, dims);
  return { info: { name, elemType, dims }, value: { name, rank: dims.length, layout: "channelsLast", elemType } };
}

/** "[N, 28, 28, 1]" as users read a shape. */
export const shapeText = (dims: readonly Dim[]): string => `[${dims.join(", ")}]`;

/** A number as steps print it: up to 6 significant digits ("12.5", "0.00123"). */
export const fmt = (x: number): string => String(Number(x.toPrecision(6)));
