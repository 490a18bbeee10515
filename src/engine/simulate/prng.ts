/**
 * A small seeded pseudo-random generator for simulations: sfc32 (Chris Doty-Humphrey's "small fast counting"
 * generator, 128-bit state, public-domain algorithm), seeded through splitmix32 so that any 32-bit seed gives a
 * well-mixed state, and normal deviates by the ziggurat method. Reproducible across runs and machines: the same
 * seed gives the same paths.
 */

/** A seeded stream of uniform and normal deviates. */
export interface Prng {
  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform in [0, 1), 32 bits of randomness. */
  nextFloat(): number;
  /** Standard normal deviate. */
  nextNormal(): number;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const TWO_POW_MINUS_32 = 2 ** -32;

/**
 * Tables of the ziggurat method for the normal distribution (Marsaglia & Tsang, 2000), computed at load: 128
 * layers of equal area v under exp(−x²/2), the base layer holding the tail beyond r. A draw takes one 32-bit word:
 * its low 7 bits pick the layer and the upper 25 bits (signed) the position, so the two do not share bits (the
 * weakness of the original). About 98.8% of draws are accepted at once, without a transcendental function.
 */
const ZIGGURAT_R = 3.442619855899;
const ZIGGURAT_V = 9.91256303526217e-3;
const LAYER_SCALE = 2 ** 24; // magnitude range of the signed 25-bit position
const zigK = new Int32Array(128);
const zigW = new Float64Array(128);
const zigF = new Float64Array(128);
(() => {
  let d = ZIGGURAT_R;
  let t = d;
  const q = ZIGGURAT_V / Math.exp(-0.5 * d * d);
  zigK[0] = Math.floor((d / q) * LAYER_SCALE);
  zigK[1] = 0;
  zigW[0] = q / LAYER_SCALE;
  zigW[127] = d / LAYER_SCALE;
  zigF[0] = 1;
  zigF[127] = Math.exp(-0.5 * d * d);
  for (let i = 126; i >= 1; i--) {
    d = Math.sqrt(-2 * Math.log(ZIGGURAT_V / d + Math.exp(-0.5 * d * d)));
    zigK[i + 1] = Math.floor((d / t) * LAYER_SCALE);
    t = d;
    zigF[i] = Math.exp(-0.5 * d * d);
    zigW[i] = d / LAYER_SCALE;
  }
})();

export function createPrng(seed: number): Prng {
  const mix = splitmix32(seed);
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();

  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Discard the first outputs: sfc32 mixes its state during its first few steps.
  for (let i = 0; i < 12; i++) nextUint32();

  const nextFloat = (): number => nextUint32() * TWO_POW_MINUS_32;
  /** Uniform in (0, 1): safe under a logarithm. */
  const nextOpenFloat = (): number => (nextUint32() + 0.5) * TWO_POW_MINUS_32;

  const nextNormal = (): number => {
    for (;;) {
      const word = nextUint32();
      const layer = word & 127;
      const position = (word | 0) >> 7;
      const magnitude = position < 0 ? -position : position;
      const x = position * zigW[layer]!;
      if (magnitude < zigK[layer]!) return x;
      if (layer === 0) {
        // The tail beyond r, by Marsaglia's exponential rejection.
        let tail: number;
        let y: number;
        do {
          tail = -Math.log(nextOpenFloat()) / ZIGGURAT_R;
          y = -Math.log(nextOpenFloat());
        } while (y + y < tail * tail);
        return position > 0 ? ZIGGURAT_R + tail : -ZIGGURAT_R - tail;
      }
      // The wedge between the layer's rectangle and the curve.
      const f = zigF[layer]!;
      if (f + nextFloat() * (zigF[layer - 1]! - f) < Math.exp(-0.5 * x * x)) return x;
    }
  };

  return { nextUint32, nextFloat, nextNormal };
}
