import * as tf from "@tensorflow/tfjs";
import { allocate, callKernel, type Info, release, view } from "./kernel-util";

/**
 * A whole LSTM sequence (tanh cell activation, sigmoid gates, given initial states, gate order
 * i, f, c, o as tfjs' LSTMCell) as ONE kernel with ONE gradient kernel. tfjs' LSTM layer runs
 * ~100 ops per time step on the tape (matMuls, split, 5 activations, 4 products, sums; their
 * gradients again), ~5,000 kernel calls per step of the benchmark LSTM (64 units, 50 steps).
 * Here each direction is one x·W product for all steps, one h·U product per step (XNNPACK on
 * wasm, U stays packed across the steps), one Sigmoid call per step for the gates, the rest of
 * the gate arithmetic in JS on heap views, and for the gradient one product per step plus three
 * large ones (dW, dU, dx). Benchmark LSTM on wasm: ~1,000 ms -> ~65 ms per training step.
 *
 * Inputs x [B,T,F], kernel [F,4H], recurrentKernel [H,4H], bias [4H] (optional), h0 and c0 [B,H]
 * (the states before the first step: zeros, or a seq2seq encoder's final states).
 * Outputs hs [B,T,H] (every h), cs [B,T,H] (every c) and an internal state for the gradient
 * (its own gradient is ignored).
 */
export const LSTM_SEQUENCE = "NetForgeLstmSequence";
export const LSTM_SEQUENCE_GRAD = "NetForgeLstmSequenceGrad";

function matmul(name: string, backend: unknown, a: Info, b: Info, ta = false, tb = false): Info {
  return callKernel(name, backend, "BatchMatMul", { a, b }, { transposeA: ta, transposeB: tb });
}

const as3d = (t: Info, rows: number, cols: number): Info => ({ ...t, shape: [1, rows, cols] });

/**
 * Forward. Time-major inside ([T, B, ...] rows t*B + n) so a step's rows are contiguous. The
 * activations run as the backend's Sigmoid kernel on a whole step (wasm: XNNPACK SIMD, ~3 ns per
 * value), tanh as 2·sigmoid(2v) - 1 (|error| <= ~1e-7, float32 rounding at 0.5): Math.exp costs
 * ~20 ns here, wasm's Tanh (scalar libm) ~30 ns, and a sequence of the benchmark needs a million.
 * JS only adds and multiplies.
 * Outputs: hs, cs [B,T,H]; internal state [T,B,5H] = i, f, g, o, tanh(c) for the gradient.
 */
function forward(backendName: string): tf.KernelConfig {
  return {
    kernelName: LSTM_SEQUENCE,
    backendName,
    kernelFunc: ({ inputs, backend }) => {
      const run = (name: string, ins: tf.NamedTensorInfoMap, attrs: tf.NamedAttrMap = {}) =>
        callKernel(backendName, backend, name, ins, attrs);
      const x = inputs.x as Info;
      const kernel = inputs.kernel as Info;
      const recurrent = inputs.recurrentKernel as Info;
      const bias = inputs.bias as Info | undefined;
      const [h0, c0] = [inputs.h0, inputs.c0] as Info[];
      const [batch, steps, features] = x.shape;
      const units = recurrent.shape[0];
      const g4 = 4 * units;
      const g5 = 5 * units;
      const xT = run("Transpose", { x }, { perm: [1, 0, 2] });
      const xw = matmul(backendName, backend, as3d(xT, steps * batch, features), as3d(kernel, features, g4));
      release(backend, xT);
      const hs = allocate(backend, [batch, steps, units]);
      const cs = allocate(backend, [batch, steps, units]);
      const state = allocate(backend, [steps, batch, g5]);
      const h = Float32Array.from(view(backend, h0));
      const c = Float32Array.from(view(backend, c0));
      for (let t = 0; t < steps; t++) {
        const hPrev = allocate(backend, [1, batch, units]);
        view(backend, hPrev).set(h);
        const pre = matmul(backendName, backend, hPrev, as3d(recurrent, units, g4));
        release(backend, hPrev);
        // pre = x_t·W + h_{t-1}·U + b in place in the step's own product, the g block doubled:
        // tanh(v) = 2·sigmoid(2v) - 1, so ONE Sigmoid call activates all four gates.
        const p = view(backend, pre);
        const z = view(backend, xw);
        const b = bias ? view(backend, bias) : null;
        const offset = t * batch * g4;
        for (let n = 0; n < batch; n++) {
          const row = n * g4;
          for (let k = 0; k < g4; k++) {
            const v = p[row + k] + z[offset + row + k] + (b ? b[k] : 0);
            p[row + k] = k >= 2 * units && k < 3 * units ? 2 * v : v;
          }
        }
        const sig = run("Sigmoid", { x: pre });
        release(backend, pre);
        const c2 = allocate(backend, [batch, units]);
        {
          const [sv, cv, st] = [sig, c2, state].map((v) => view(backend, v));
          for (let n = 0; n < batch; n++) {
            const row = n * g4;
            const out = (t * batch + n) * g5;
            for (let j = 0; j < units; j++) {
              const i = sv[row + j];
              const f = sv[row + units + j];
              const g = 2 * sv[row + 2 * units + j] - 1;
              const q = n * units + j;
              c[q] = f * c[q] + i * g;
              cv[q] = 2 * c[q];
              st[out + j] = i;
              st[out + units + j] = f;
              st[out + 2 * units + j] = g;
              st[out + 3 * units + j] = sv[row + 3 * units + j];
            }
          }
        }
        release(backend, sig);
        const sc = run("Sigmoid", { x: c2 });
        release(backend, c2);
        const [scv, st, hv, cv] = [sc, state, hs, cs].map((v) => view(backend, v));
        for (let n = 0; n < batch; n++) {
          const out = (t * batch + n) * g5;
          const seq = (n * steps + t) * units;
          for (let j = 0; j < units; j++) {
            const q = n * units + j;
            const tc = 2 * scv[q] - 1;
            const hj = st[out + 3 * units + j] * tc;
            st[out + 4 * units + j] = tc;
            h[q] = hj;
            hv[seq + j] = hj;
            cv[seq + j] = c[q];
          }
        }
        release(backend, sc);
      }
      release(backend, xw);
      return [hs, cs, state];
    },
  };
}

/**
 * Gradient: backpropagation through time over the saved gates, one dz_t·Uᵀ product per step
 * (Uᵀ materialised once, so it stays on XNNPACK's fast path), then dW = xᵀ·dz, dU = h_prevᵀ·dz
 * and dx = dz·Wᵀ as three products over all steps at once.
 */
function backward(backendName: string): tf.KernelConfig {
  return {
    kernelName: LSTM_SEQUENCE_GRAD,
    backendName,
    kernelFunc: ({ inputs, backend }) => {
      const run = (name: string, ins: tf.NamedTensorInfoMap, attrs: tf.NamedAttrMap = {}) =>
        callKernel(backendName, backend, name, ins, attrs);
      const { x, kernel, recurrentKernel: recurrent, h0, c0, hs, cs, state, dhs, dcs } = inputs as Record<string, Info>;
      const [batch, steps, features] = x.shape;
      const units = recurrent.shape[0];
      const g4 = 4 * units;
      const g5 = 5 * units;
      const rows = batch * steps;
      const uT = run("Transpose", { x: recurrent }, { perm: [1, 0] });
      const dz = allocate(backend, [1, rows, g4]);
      const dBias = new Float64Array(g4);
      const dhNext = new Float32Array(batch * units);
      const dcNext = new Float32Array(batch * units);
      for (let t = steps - 1; t >= 0; t--) {
        const dzStep = allocate(backend, [1, batch, g4]);
        const [st, cv, c0v, dhv, dcv, dzv] = [state, cs, c0, dhs, dcs, dz].map((v) => view(backend, v));
        for (let n = 0; n < batch; n++) {
          const at = (t * batch + n) * g5;
          const row = (t * batch + n) * g4;
          const seq = (n * steps + t) * units;
          for (let j = 0; j < units; j++) {
            const q = n * units + j;
            const i = st[at + j];
            const f = st[at + units + j];
            const g = st[at + 2 * units + j];
            const o = st[at + 3 * units + j];
            const tc = st[at + 4 * units + j];
            const dh = dhv[seq + j] + dhNext[q];
            const dc = dcv[seq + j] + dcNext[q] + dh * o * (1 - tc * tc);
            const cPrev = t > 0 ? cv[seq - units + j] : c0v[q];
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
          }
        }
        // dh_(t-1) = dz_t Uᵀ; after t = 0 it is the gradient of h0 (and dcNext that of c0).
        const first = t * batch * g4;
        view(backend, dzStep).set(dzv.subarray(first, first + batch * g4));
        const dh = matmul(backendName, backend, dzStep, as3d(uT, g4, units));
        dhNext.set(view(backend, dh));
        release(backend, dh, dzStep);
      }
      release(backend, uT);
      // h_{t-1} time-major (rows t*B + n), h0 at t = 0.
      const hPrev = allocate(backend, [1, rows, units]);
      {
        const [hp, hv] = [hPrev, hs].map((v) => view(backend, v));
        hp.set(view(backend, h0));
        for (let t = 1; t < steps; t++) {
          for (let n = 0; n < batch; n++) {
            const from = (n * steps + t - 1) * units;
            hp.set(hv.subarray(from, from + units), (t * batch + n) * units);
          }
        }
      }
      const xT = run("Transpose", { x }, { perm: [1, 0, 2] });
      const dKernel = matmul(backendName, backend, as3d(xT, rows, features), dz, true);
      const dRecurrent = matmul(backendName, backend, hPrev, dz, true);
      const dxT = matmul(backendName, backend, dz, as3d(kernel, features, g4), false, true);
      const dx = run("Transpose", { x: { ...dxT, shape: [steps, batch, features] } }, { perm: [1, 0, 2] });
      release(backend, xT, hPrev, dz, dxT);
      const [db, dh0, dc0] = [[g4], h0.shape, c0.shape].map((shape) => allocate(backend, shape));
      view(backend, db).set(dBias);
      view(backend, dh0).set(dhNext);
      view(backend, dc0).set(dcNext);
      return [dx, { ...dKernel, shape: kernel.shape }, { ...dRecurrent, shape: recurrent.shape }, db, dh0, dc0];
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
    inputsToSave: ["x", "kernel", "recurrentKernel", "h0", "c0"],
    outputsToSave: [true, true, true],
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
      const [dhs, dcs] = dy as tf.Tensor[];
      const [x, kernel, recurrentKernel, h0, c0, hs, cs, state] = saved;
      const grads = { x, kernel, recurrentKernel, h0, c0, hs, cs, state, dhs, dcs };
      const [dx, dKernel, dRecurrent, dBias, dh0, dc0] = tf
        .engine()
        .runKernel(LSTM_SEQUENCE_GRAD, grads) as tf.Tensor[];
      return {
        x: () => dx,
        kernel: () => dKernel,
        recurrentKernel: () => dRecurrent,
        bias: () => dBias,
        h0: () => dh0,
        c0: () => dc0,
      };
    },
  });
}

/** Whether the active backend has the fused kernels (not the native tfjs-node backends). */
export const lstmSequenceAvailable = (): boolean =>
  tf.getKernel(LSTM_SEQUENCE, tf.getBackend()) !== undefined &&
  tf.getKernel(LSTM_SEQUENCE_GRAD, tf.getBackend()) !== undefined;

/**
 * Every h and c of an LSTM over x [B,T,F] from the initial states (zeros when not given);
 * differentiable in all inputs, the initial states included.
 */
export function lstmSequence(
  x: tf.Tensor3D,
  kernel: tf.Tensor2D,
  recurrentKernel: tf.Tensor2D,
  bias: tf.Tensor1D | null,
  initial?: readonly [tf.Tensor2D, tf.Tensor2D],
): { hs: tf.Tensor3D; cs: tf.Tensor3D } {
  const [h0, c0] = initial ?? [0, 1].map(() => tf.zeros([x.shape[0], recurrentKernel.shape[0]]));
  const inputs: tf.NamedTensorMap = { x, kernel, recurrentKernel, h0, c0, ...(bias ? { bias } : {}) };
  const [hs, cs, state] = tf.engine().runKernel(LSTM_SEQUENCE, inputs) as tf.Tensor[];
  if (!initial) tf.dispose([h0, c0]);
  // The tape keeps its own reference to the internal state for the gradient.
  state.dispose();
  return { hs: hs as tf.Tensor3D, cs: cs as tf.Tensor3D };
}
