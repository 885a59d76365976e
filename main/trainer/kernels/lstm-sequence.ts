import * as tf from "@tensorflow/tfjs";
import { allocate, callKernel, type Info, release, view } from "./kernel-util";

/**
 * A whole LSTM sequence (tanh cell activation, sigmoid gates, zero initial state, gate order
 * i, f, c, o as tfjs' LSTMCell) as ONE kernel with ONE gradient kernel. tfjs' LSTM layer runs
 * ~100 ops per time step on the tape (matMuls, split, 5 activations, 4 products, sums; their
 * gradients again), ~5,000 kernel calls per step of the benchmark LSTM (64 units, 50 steps).
 * Here each direction is one x·W product for all steps, one h·U product per step (XNNPACK on
 * wasm, U stays packed across the steps), the gate arithmetic in JS on heap views, and for the
 * gradient one product per step plus three large ones (dW, dU, dx).
 *
 * Inputs x [B,T,F], kernel [F,4H], recurrentKernel [H,4H], bias [4H] (optional).
 * Outputs hs [B,T,H] (every h), cs [B,T,H] (every c), gates [B,T,4H] (activated i, f, g, o:
 * internal, kept for the gradient; its own gradient is ignored).
 */
export const LSTM_SEQUENCE = "NetForgeLstmSequence";
export const LSTM_SEQUENCE_GRAD = "NetForgeLstmSequenceGrad";

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

function matmul(name: string, backend: unknown, a: Info, b: Info, ta = false, tb = false): Info {
  return callKernel(name, backend, "BatchMatMul", { a, b }, { transposeA: ta, transposeB: tb });
}

const as3d = (t: Info, rows: number, cols: number): Info => ({ ...t, shape: [1, rows, cols] });

function forward(backendName: string): tf.KernelConfig {
  return {
    kernelName: LSTM_SEQUENCE,
    backendName,
    kernelFunc: ({ inputs, backend }) => {
      const x = inputs.x as Info;
      const kernel = inputs.kernel as Info;
      const recurrent = inputs.recurrentKernel as Info;
      const bias = inputs.bias as Info | undefined;
      const [batch, steps, features] = x.shape;
      const units = recurrent.shape[0];
      const g4 = 4 * units;
      const xw = matmul(backendName, backend, as3d(x, batch * steps, features), as3d(kernel, features, g4));
      const hs = allocate(backend, [batch, steps, units]);
      const cs = allocate(backend, [batch, steps, units]);
      const gates = allocate(backend, [batch, steps, g4]);
      const h = new Float32Array(batch * units);
      for (let t = 0; t < steps; t++) {
        let hu: Info | null = null;
        if (t > 0) {
          const hPrev = allocate(backend, [1, batch, units]);
          view(backend, hPrev).set(h);
          hu = matmul(backendName, backend, hPrev, as3d(recurrent, units, g4));
          release(backend, hPrev);
        }
        // Views after the step's last allocation: a growing wasm heap detaches older ones.
        const z = view(backend, xw);
        const r = hu ? view(backend, hu) : null;
        const b = bias ? view(backend, bias) : null;
        const hv = view(backend, hs);
        const cv = view(backend, cs);
        const gv = view(backend, gates);
        for (let n = 0; n < batch; n++) {
          const row = (n * steps + t) * g4;
          const state = (n * steps + t) * units;
          for (let j = 0; j < units; j++) {
            let zi = z[row + j];
            let zf = z[row + units + j];
            let zg = z[row + 2 * units + j];
            let zo = z[row + 3 * units + j];
            if (r) {
              const q = n * g4 + j;
              zi += r[q];
              zf += r[q + units];
              zg += r[q + 2 * units];
              zo += r[q + 3 * units];
            }
            if (b) {
              zi += b[j];
              zf += b[units + j];
              zg += b[2 * units + j];
              zo += b[3 * units + j];
            }
            const i = sigmoid(zi);
            const f = sigmoid(zf);
            const g = Math.tanh(zg);
            const o = sigmoid(zo);
            const c = f * (t > 0 ? cv[state - units + j] : 0) + i * g;
            const hj = o * Math.tanh(c);
            gv[row + j] = i;
            gv[row + units + j] = f;
            gv[row + 2 * units + j] = g;
            gv[row + 3 * units + j] = o;
            cv[state + j] = c;
            hv[state + j] = hj;
            h[n * units + j] = hj;
          }
        }
        if (hu) release(backend, hu);
      }
      release(backend, xw);
      return [hs, cs, gates];
    },
  };
}

function backward(backendName: string): tf.KernelConfig {
  return {
    kernelName: LSTM_SEQUENCE_GRAD,
    backendName,
    kernelFunc: ({ inputs, backend }) => {
      const { x, kernel, recurrentKernel: recurrent, hs, cs, gates, dhs, dcs } = inputs as Record<string, Info>;
      const [batch, steps, features] = x.shape;
      const units = recurrent.shape[0];
      const g4 = 4 * units;
      const rows = batch * steps;
      const uT = callKernel(backendName, backend, "Transpose", { x: recurrent }, { perm: [1, 0] });
      const dz = allocate(backend, [1, rows, g4]);
      const dBias = new Float64Array(g4);
      const dhNext = new Float32Array(batch * units);
      const dcNext = new Float32Array(batch * units);
      for (let t = steps - 1; t >= 0; t--) {
        const dzStep = t > 0 ? allocate(backend, [1, batch, g4]) : null;
        const [cv, gv, dhv, dcv, dzv] = [cs, gates, dhs, dcs, dz].map((v) => view(backend, v));
        const dzs = dzStep ? view(backend, dzStep) : null;
        for (let n = 0; n < batch; n++) {
          const row = (n * steps + t) * g4;
          const state = (n * steps + t) * units;
          for (let j = 0; j < units; j++) {
            const q = n * units + j;
            const i = gv[row + j];
            const f = gv[row + units + j];
            const g = gv[row + 2 * units + j];
            const o = gv[row + 3 * units + j];
            const tc = Math.tanh(cv[state + j]);
            const dh = dhv[state + j] + dhNext[q];
            const dc = dcv[state + j] + dcNext[q] + dh * o * (1 - tc * tc);
            const cPrev = t > 0 ? cv[state - units + j] : 0;
            const dzi = dc * g * i * (1 - i);
            const dzf = dc * cPrev * f * (1 - f);
            const dzg = dc * i * (1 - g * g);
            const dzo = dh * tc * o * (1 - o);
            dcNext[q] = dc * f;
            dzv[row + j] = dzi;
            dzv[row + units + j] = dzf;
            dzv[row + 2 * units + j] = dzg;
            dzv[row + 3 * units + j] = dzo;
            dBias[j] += dzi;
            dBias[units + j] += dzf;
            dBias[2 * units + j] += dzg;
            dBias[3 * units + j] += dzo;
            if (dzs) {
              const p = n * g4 + j;
              dzs[p] = dzi;
              dzs[p + units] = dzf;
              dzs[p + 2 * units] = dzg;
              dzs[p + 3 * units] = dzo;
            }
          }
        }
        if (dzStep) {
          // dh_{t-1} = dz_t · Uᵀ (Uᵀ materialised once, so the product stays on the fast path).
          const dh = matmul(backendName, backend, dzStep, { ...uT, shape: [1, g4, units] });
          dhNext.set(view(backend, dh));
          release(backend, dh, dzStep);
        }
      }
      release(backend, uT);
      // h_{t-1} for every (n, t), zero at t = 0: hs shifted one step along time.
      const hPrev = allocate(backend, [1, rows, units]);
      const hp = view(backend, hPrev);
      const hv = view(backend, hs);
      for (let n = 0; n < batch; n++) {
        const first = n * steps * units;
        hp.fill(0, first, first + units);
        hp.set(hv.subarray(first, first + (steps - 1) * units), first + units);
      }
      const dKernel = matmul(backendName, backend, as3d(x, rows, features), dz, true);
      const dRecurrent = matmul(backendName, backend, hPrev, dz, true);
      const dx = matmul(backendName, backend, dz, as3d(kernel, features, g4), false, true);
      release(backend, hPrev, dz);
      const db = allocate(backend, [g4]);
      view(backend, db).set(dBias);
      return [
        { ...dx, shape: x.shape },
        { ...dKernel, shape: kernel.shape },
        { ...dRecurrent, shape: recurrent.shape },
        db,
      ];
    },
  };
}

export const lstmSequenceKernels = (backendName: string): tf.KernelConfig[] => [
  forward(backendName),
  backward(backendName),
];

let gradientRegistered = false;

/** The gradient of LSTM_SEQUENCE (backend-independent: it runs LSTM_SEQUENCE_GRAD). */
export function registerLstmSequenceGradient(): void {
  if (gradientRegistered) return;
  gradientRegistered = true;
  tf.registerGradient({
    kernelName: LSTM_SEQUENCE,
    inputsToSave: ["x", "kernel", "recurrentKernel"],
    outputsToSave: [true, true, true],
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
      const [dhs, dcs] = dy as tf.Tensor[];
      const [x, kernel, recurrentKernel, hs, cs, gates] = saved;
      const [dx, dKernel, dRecurrent, dBias] = tf
        .engine()
        .runKernel(LSTM_SEQUENCE_GRAD, { x, kernel, recurrentKernel, hs, cs, gates, dhs, dcs }) as tf.Tensor[];
      return { x: () => dx, kernel: () => dKernel, recurrentKernel: () => dRecurrent, bias: () => dBias };
    },
  });
}

/** Whether the active backend has the fused kernels (not the native tfjs-node backends). */
export const lstmSequenceAvailable = (): boolean =>
  tf.getKernel(LSTM_SEQUENCE, tf.getBackend()) !== undefined && tf.getKernel(LSTM_SEQUENCE_GRAD, tf.getBackend()) !== undefined;

/** Every h and c of an LSTM over x [B,T,F] from zero states; differentiable in all inputs. */
export function lstmSequence(
  x: tf.Tensor3D,
  kernel: tf.Tensor2D,
  recurrentKernel: tf.Tensor2D,
  bias: tf.Tensor1D | null,
): { hs: tf.Tensor3D; cs: tf.Tensor3D } {
  const inputs: tf.NamedTensorMap = bias ? { x, kernel, recurrentKernel, bias } : { x, kernel, recurrentKernel };
  const [hs, cs, gates] = tf.engine().runKernel(LSTM_SEQUENCE, inputs) as tf.Tensor[];
  // The tape keeps its own reference to the gates for the gradient.
  gates.dispose();
  return { hs: hs as tf.Tensor3D, cs: cs as tf.Tensor3D };
}
