/**
 * The forecast's seeded random source: mulberry32 (the pool generator's PRNG, kept here so src/forecast
 * stays free of I/O: the generator module reads the shipped record). Same seed, same sequence.
 * @module
 */

/** mulberry32: a small, fast, seedable PRNG returning numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A Poisson draw with mean `mean` (Knuth for small means, a rounded normal above 30). */
export function poisson(r: () => number, mean: number): number {
  if (mean <= 0) return 0
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(r)))
  const limit = Math.exp(-mean)
  let k = 0
  let p = r()
  while (p > limit) {
    k++
    p *= r()
  }
  return k
}

/** A standard normal draw (Box-Muller). */
export function normal(r: () => number): number {
  const u = 1 - r()
  const v = r()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
}

/** A seed of its own for each `key` under `seed` (FNV-1a), so one draw's stream does not shift when another draws less. */
export function seedFor(seed: number, key: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0
  return h
}
