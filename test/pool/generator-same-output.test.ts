/**
 * The generator's speed-ups change nothing it makes: for the same seed, size and day, `generatePool`
 * yields the same profiles and scores, byte for byte, as the code before them (the seeded random stream
 * is read in the same order, for the same draws).
 *
 * How the digests were computed: with the code of commit 6405654 (before the speed-ups), built by
 * `npx tsc -p tsconfig.build.json`, each case's pool digested by SHA-256 over
 * `${JSON.stringify(g.profile)}\t${g.score}\n` for each generated profile g in order, with
 * `eligibility: realEligibility()` (this file's `digest`, run against that build's dist/). The cases:
 * shape 'model' (`pool generate --like`) on the three days and two more, sizes 1 to 3,000,
 * and two with so few draws allowed per profile that the generator gives up on the quotas (the
 * `maxDrawsPerProfile` path); two of shape 'published' (the library default, which shares the loop).
 *
 * Rule change, not generator change: the three 2019-06-01 digests of size 1,000 and 3,000 were
 * recomputed (same method, current build) when settlement funds tables before 2022-06-09 were encoded
 * (docs/decisions.md E9). Their profiles are submitted in 2018-2019, when funds used to be unchecked; a
 * draw FSW-eligible only for that (e.g. CAD 15,000 for a family of 2 against the 2018 table's 15,530) is
 * now eligible for no program and is drawn again, so the stream differs from that draw on (positions
 * 464, 22 and 127). The other 21 digests are unchanged.
 */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { realEligibility } from '../../src/pool/eligibility.js'
import { generatePool, type GenerateOptions } from '../../src/pool/generator.js'

function digest(options: Omit<GenerateOptions, 'eligibility'>): string {
  const h = createHash('sha256')
  for (const g of generatePool({ ...options, eligibility: realEligibility() })) h.update(`${JSON.stringify(g.profile)}\t${g.score}\n`)
  return h.digest('hex')
}

const MODEL: readonly (readonly [{ like: string; seed: number; size: number; maxDrawsPerProfile?: number }, string])[] = [
  [{ like: '2023-07-04', seed: 1, size: 3000 }, '39ce7e274bd2f7cddc6f17cbde8a44f68f851e93f5cf4ccaa2ed68eddf83d7a0'],
  [{ like: '2023-07-04', seed: 13, size: 1000 }, '7f229993d911fae516e75ca13824feba4568dc9dffd6f64aae63e0d645a8e8f0'],
  [{ like: '2023-07-04', seed: 7, size: 1 }, 'bac33f0d9a2d4700802dacb4369b1c55eca501166eeab8ac3f2089812f954161'],
  [{ like: '2023-07-04', seed: 2, size: 37 }, '8d3893817a28aacc89c25b8702a779126e5b42cb564022a8ca129be939793fa5'],
  [{ like: '2025-06-01', seed: 1, size: 3000 }, '0360a45ed4d3be5b04b6c7c5841960785b1cd1f4d41127160ac18a81ea8102f6'],
  [{ like: '2025-06-01', seed: 13, size: 1000 }, '1808f1996590ffb7202540e7282ae622d4dde279b79144ffa58f9eafca4eb7c9'],
  [{ like: '2025-06-01', seed: 7, size: 1 }, 'de85db83fbbf22b5f5f0d50f4ee7a2528b91c553812d7c4965ac44b8e162ebf3'],
  [{ like: '2025-06-01', seed: 2, size: 37 }, '2f211bb9a401f0b0195afda0bcb4560aff303d47480301c7a00d780d12c9862a'],
  [{ like: '2026-08-20', seed: 1, size: 3000 }, 'e96ec66dce29a92ee1b09571828329e1bf7eeae5f74e1017582ab8d785e5134e'],
  [{ like: '2026-08-20', seed: 13, size: 1000 }, '959f4506eb22f9e60d63a5900a8cc1fcd3c822808c70a413e495ca5d9132a8c3'],
  [{ like: '2026-08-20', seed: 7, size: 1 }, 'c33c41028605112f599c53d989e5a060193c9529d01e8ab5eb4b65ca3a010fec'],
  [{ like: '2026-08-20', seed: 2, size: 37 }, '68c95b3dff0e7b3f753f4e736c32ace748fbc54d3662a6c3bd790cfc0651452e'],
  [{ like: '2024-03-01', seed: 1, size: 3000 }, '8b60f99687ee06cb4b17b7ebce14519e99cdb92112a66dd509798e1d8a10d6cf'],
  [{ like: '2024-03-01', seed: 13, size: 1000 }, '615ab75e4837ca47cf062da59f9cc10ab2a5ec6c0c8e6657a47fa6b0df41d61a'],
  [{ like: '2024-03-01', seed: 7, size: 1 }, '1754ff66293128a56481b76871ca30b3f6ac30537cc148142d457cf963d7ff55'],
  [{ like: '2024-03-01', seed: 2, size: 37 }, '36907873d64abcfddee88ae0f9a62c1b55d844f484b91fb9de26c0e557896d37'],
  [{ like: '2019-06-01', seed: 1, size: 3000 }, 'db1014a90d89ef14536c74cadd89281043a53af68a97eaca15b38b99e2391ba6'],
  [{ like: '2019-06-01', seed: 13, size: 1000 }, '371a9116dcaa9d5eb6f4f6161f132ab16bd3b91ba082322894e7bdc5802d35e3'],
  [{ like: '2019-06-01', seed: 7, size: 1 }, '67d47de7c7b56e5155731822e1b092b111795418c75be33fdec348a46ffc93b9'],
  [{ like: '2019-06-01', seed: 2, size: 37 }, '2621af2332760556ba736ddcc9d7c4710520945a09700629046eefda425cd5af'],
  [{ like: '2026-08-20', seed: 3, size: 500, maxDrawsPerProfile: 2 }, '546b325def1d53762cd7de30a60c6a70ac18a22dd3b10da5e6a6b6084fe7d0cd'],
  [{ like: '2025-06-01', seed: 3, size: 500, maxDrawsPerProfile: 3 }, '7272670ef9e66a5d0df0adebdc66c5570d3875063193f6c5e75695ea306c6e44'],
]

const PUBLISHED: readonly (readonly [string, string])[] = [
  ['2026-08-20', 'dd47ee55d4f133b3e6f9de33c87ca62a343cb7f14065e796804470b73f3f6f33'],
  ['2019-06-01', '0ec92d7c6f3e37d9f3a43c3680059ac5d9f12942995c2b1390d1d0cc743eaf94'],
]

describe('pool generate: the same pool as before the speed-ups', () => {
  it.each(MODEL)("shape 'model' %o", (options, want) => {
    expect(digest({ ...options, shape: 'model' })).toBe(want)
  }, 60_000)

  it.each(PUBLISHED)("shape 'published', like %s, seed 5, 1,000 profiles", (like, want) => {
    expect(digest({ size: 1000, seed: 5, like })).toBe(want)
  }, 60_000)
})
