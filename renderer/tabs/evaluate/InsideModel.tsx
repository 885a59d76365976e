import { useMemo, useState } from "react";
import {
  type FeatureMapLayer,
  type FeatureMaps,
  type Filters,
  INSIDE_MAX_CHANNELS,
} from "../../../shared/evaluation/inside";
import { filterPixels, mapPixels } from "../../charts/map-pixels";
import { PixelCanvas } from "../../charts/PixelCanvas";
import type { Pixels } from "../../charts/pixels";
import { useEditor } from "../../state/editor-context";
import { useDoc } from "../../state/hooks";
import { projectRef } from "../../state/ui-store";
import { messageOf } from "../common/errors";
import { useClient } from "../common/session";

/**
 * Inside the model: one validation sample's activation maps in every convolution (one small image
 * per channel, each scaled on its own) and the first convolution's filters, from the trainer.
 * Shown for models with a convolution only: an MLP has no maps to show.
 */
export function InsideModel({ runId }: { runId: string | null }) {
  const convolutional = useDoc((s) => s.project.graph.nodes.some((n) => CONV_KIND.test(n.kind)));
  return convolutional ? <FeatureMapsCard runId={runId} /> : null;
}

/** Block kinds whose outputs are feature maps (1-D and 2-D convolutions, transposed, separable, depthwise, tiled). */
const CONV_KIND = /Conv[123]D/;

function FeatureMapsCard({ runId }: { runId: string | null }) {
  const client = useClient();
  const editor = useEditor();
  const [index, setIndex] = useState("0");
  const [maps, setMaps] = useState<FeatureMaps | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const show = async () => {
    if (!client || !runId) return;
    const n = Number(index);
    if (!Number.isInteger(n) || n < 0) {
      setError(`expected a sample position (a whole number from 0); received "${index}"`);
      return;
    }
    setBusy(true);
    try {
      setMaps((await client.call("inside.featureMaps", { runId, ...projectRef(editor.ui), index: n })).maps);
      setError(null);
    } catch (e) {
      setError(messageOf(e));
      setMaps(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card inside-model" aria-label="Inside the model">
      <header className="card-header">
        <h3>Inside the model</h3>
        {!runId && <span className="muted">choose a trained run first</span>}
      </header>
      <div className="inside-controls">
        <label>
          Validation sample
          <input
            className="inside-index"
            type="number"
            min={0}
            value={index}
            onChange={(e) => setIndex(e.currentTarget.value)}
          />
        </label>
        <button type="button" className="button" disabled={!client || !runId || busy} onClick={() => void show()}>
          {busy ? "Computing…" : "Show feature maps"}
        </button>
      </div>
      {error && (
        <p className="field-message" role="alert">
          {error}
        </p>
      )}
      {maps && <MapsView maps={maps} />}
    </section>
  );
}

function MapsView({ maps }: { maps: FeatureMaps }) {
  const from =
    maps.sample.kind === "split"
      ? `sample ${maps.sample.index} of ${maps.sample.of} in the ${maps.sample.part === "train" ? "training" : "validation"} part`
      : "the given sample";
  if (maps.layers.length === 0)
    return <p role="status">This model has no convolutional layer: there are no feature maps to show.</p>;
  return (
    <div role="status" aria-label="Feature maps">
      <p className="muted">
        Activations of {from}; each map is scaled from its own minimum (black) to maximum (white).
      </p>
      {maps.filters && <FiltersView filters={maps.filters} />}
      {maps.layers.map((l) => (
        <LayerMaps key={l.name} layer={l} />
      ))}
    </div>
  );
}

function LayerMaps({ layer }: { layer: FeatureMapLayer }) {
  const [h, w, c] = layer.shape;
  const shown = Math.min(c, INSIDE_MAX_CHANNELS);
  const images = useMemo(
    () => Array.from({ length: shown }, (_, k) => mapPixels(layer.values, [h, w, shown], k)),
    [layer, h, w, shown],
  );
  return (
    <section className="inside-layer" aria-label={`Feature maps of ${layer.name}`}>
      <h4>
        {layer.name}{" "}
        <span className="muted">
          {layer.className} · {h}×{w}×{c}
          {c > shown ? ` (first ${shown} channels)` : ""}
        </span>
      </h4>
      <ImageRow images={images} label={(k) => `${layer.name} channel ${k + 1}`} />
    </section>
  );
}

function FiltersView({ filters }: { filters: Filters }) {
  const [kh, kw, inC, outC] = filters.shape;
  const shown = Math.min(outC, INSIDE_MAX_CHANNELS);
  const images = useMemo(
    () => Array.from({ length: shown }, (_, k) => filterPixels(filters.values, [kh, kw, inC, shown], k)),
    [filters, kh, kw, inC, shown],
  );
  return (
    <section className="inside-layer" aria-label={`Filters of ${filters.layer}`}>
      <h4>
        Filters of {filters.layer}{" "}
        <span className="muted">
          {kh}×{kw}, {inC === 3 ? "RGB" : inC === 1 ? "grey" : `first of ${inC} input channels`}, {outC} filters
        </span>
      </h4>
      <ImageRow images={images} label={(k) => `${filters.layer} filter ${k + 1}`} />
    </section>
  );
}

/** A wrapping row of small images, one per channel or filter, each named for screen readers and tests. */
function ImageRow({ images, label }: { images: Pixels[]; label: (k: number) => string }) {
  return (
    <ul className="image-grid">
      {images.map((px, k) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a channel's or filter's position is its identity
        <li key={k}>
          <PixelCanvas pixels={px} label={label(k)} />
        </li>
      ))}
    </ul>
  );
}
