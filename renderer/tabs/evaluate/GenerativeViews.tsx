import type { ReportOf } from "../../../shared/evaluation/report";
import { cloudBounds, PointCloud, type PointSet } from "../../charts/PointCloud";
import { colorAt } from "../../charts/palette";
import { ImageGrid } from "../../charts/SampleImage";
import type { SampleFrame } from "../../state/training-store";
import { num, pct } from "./format";

/** Values per sample; 2 means points in a plane, few means a short vector, many an image. */
const sizeOf = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);
const isPoints = (shape: readonly number[]) => sizeOf(shape) === 2;
const isShortVector = (shape: readonly number[]) => shape.length === 1 && sizeOf(shape) <= 16;

/** Autoencoder: inputs beside their reconstructions (images, a table of values, or points). */
export function AutoencoderView({ report }: { report: ReportOf<"autoencoder"> }) {
  const { shape, inputs, outputs } = report.reconstructions;
  return (
    <>
      <section className="card" aria-label="Reconstruction error">
        <dl className="headline">
          <div>
            <dt>MSE</dt>
            <dd>{num(report.mse)}</dd>
          </div>
          <div>
            <dt>MAE</dt>
            <dd>{num(report.mae)}</dd>
          </div>
        </dl>
      </section>
      <section className="card" aria-label="Reconstructions">
        <header className="card-header">
          <h3>Inputs and reconstructions</h3>
        </header>
        {isPoints(shape) ? (
          <Clouds
            sets={[
              { label: "inputs", xy: inputs.flat() },
              { label: "reconstructions", xy: outputs.flat() },
            ]}
            size={240}
          />
        ) : isShortVector(shape) ? (
          <VectorTable inputs={inputs} outputs={outputs} />
        ) : (
          <ImageGrid
            size={72}
            items={inputs.flatMap((x, i) => [
              { key: `in-${i}`, shape, values: x, caption: `input ${i + 1}`, label: `Input ${i + 1}` },
              {
                key: `out-${i}`,
                shape,
                values: outputs[i] ?? [],
                caption: "reconstruction",
                label: `Reconstruction ${i + 1}`,
              },
            ])}
          />
        )}
      </section>
    </>
  );
}

function VectorTable({ inputs, outputs }: { inputs: number[][]; outputs: number[][] }) {
  return (
    <table className="data-table vector-table">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Input</th>
          <th scope="col">Reconstruction</th>
          <th scope="col" className="num">
            Error (MSE)
          </th>
        </tr>
      </thead>
      <tbody>
        {inputs.map((x, i) => {
          const y = outputs[i] ?? [];
          const mse = x.reduce((s, v, k) => s + (v - (y[k] ?? 0)) ** 2, 0) / Math.max(x.length, 1);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: samples are listed in report order
            <tr key={i}>
              <th scope="row">{i + 1}</th>
              <td>{x.map(num).join(", ")}</td>
              <td>{y.map(num).join(", ")}</td>
              <td className="num">{num(mse)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Splits a [count, ...sample] block of values into samples. */
function samplesOf(block: { shape: readonly number[]; values: readonly number[] }, prefix: string) {
  const [count = 0, ...sample] = block.shape;
  const size = sizeOf(sample);
  return Array.from({ length: count }, (_, i) => ({
    key: `${prefix}-${i}`,
    shape: sample,
    values: block.values.slice(i * size, (i + 1) * size),
    label: `${prefix} sample ${i + 1}`,
  }));
}

function Clouds({ sets, size }: { sets: PointSet[]; size: number }) {
  return (
    <div className="epoch-frame">
      <PointCloud sets={sets} bounds={cloudBounds(sets)} size={size} label={sets.map((s) => s.label).join(" and ")} />
      <span className="figure-legend">
        {sets.map((s, i) => (
          <span key={s.label}>
            <span className="swatch dot" style={{ borderColor: colorAt(i) }} /> {s.label}
          </span>
        ))}
      </span>
    </div>
  );
}

/** GAN: fresh generator samples beside real ones, and what the generator made as the run went. */
export function GanView({ report, frames }: { report: ReportOf<"gan">; frames: readonly SampleFrame[] }) {
  const sample = report.generated.shape.slice(1);
  if (isPoints(sample)) {
    const sets: PointSet[] = [
      { label: "real", xy: report.real?.values ?? [] },
      { label: "generated", xy: report.generated.values },
    ];
    return (
      <>
        <section className="card" aria-label="Generated samples">
          <header className="card-header">
            <h3>Generated and real points</h3>
          </header>
          <Clouds sets={sets.filter((s) => s.xy.length > 0)} size={260} />
        </section>
        <SamplesPerEpoch frames={frames} reference={report.real?.values} />
      </>
    );
  }
  return (
    <>
      <div className="eval-grid">
        <section className="card" aria-label="Generated samples">
          <header className="card-header">
            <h3>Generated now</h3>
          </header>
          <ImageGrid items={samplesOf(report.generated, "generated")} size={64} />
        </section>
        {report.real && (
          <section className="card" aria-label="Real samples">
            <header className="card-header">
              <h3>Real</h3>
            </header>
            <ImageGrid items={samplesOf(report.real, "real")} size={64} />
          </section>
        )}
      </div>
      <SamplesPerEpoch frames={frames} />
    </>
  );
}

/** The samples the run sent after each epoch (this session), oldest first. */
export function SamplesPerEpoch({
  frames,
  reference,
}: {
  frames: readonly SampleFrame[];
  reference?: readonly number[];
}) {
  if (frames.length === 0) return null;
  const points = isPoints(frames[0].shape.slice(1));
  const all: PointSet[] = points ? frames.map((f) => ({ label: `epoch ${f.epoch + 1}`, xy: f.values })) : [];
  const bounds = points ? cloudBounds(reference ? [...all, { label: "real", xy: reference }] : all) : null;
  return (
    <section className="card" aria-label="Samples per epoch">
      <header className="card-header">
        <h3>Samples per epoch</h3>
        <span className="muted">as the run went (this session)</span>
      </header>
      <div className="epoch-frames">
        {frames.map((f) => (
          <div key={f.epoch} className="epoch-frame">
            <span className="muted mono">epoch {f.epoch + 1}</span>
            {points && bounds ? (
              <PointCloud
                sets={[...(reference ? [{ label: "real", xy: reference }] : []), { label: "generated", xy: f.values }]}
                bounds={bounds}
                size={96}
                label={`Generated points after epoch ${f.epoch + 1}`}
              />
            ) : (
              <ImageGrid items={samplesOf(f, `epoch ${f.epoch + 1}`).slice(0, 8)} size={40} />
            )}
          </div>
        ))}
      </div>
    </section>
  );
}

export function SequenceView({ report }: { report: ReportOf<"sequence"> }) {
  return (
    <>
      <section className="card" aria-label="Token accuracy">
        <dl className="headline">
          <div>
            <dt>Token accuracy</dt>
            <dd>{report.tokenAccuracy === null ? "–" : pct(report.tokenAccuracy)}</dd>
          </div>
        </dl>
      </section>
      <section className="card" aria-label="Examples">
        <header className="card-header">
          <h3>Examples</h3>
        </header>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Target</th>
              <th scope="col">Predicted</th>
            </tr>
          </thead>
          <tbody>
            {report.examples.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: examples are listed in report order
              <tr key={i}>
                <td>{e.source}</td>
                <td>{e.target}</td>
                <td className={e.predicted === e.target ? "" : "wrong-cell"}>{e.predicted}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
