/**
 * The rounds engine (pure): DESIGN.md's cut-off and tie-break rule as properties, the digest's exact
 * definition, and the in-memory pool.
 */
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { rankedDigest } from '../../src/pool/digest.js'
import { decideRound, rankCandidates, type Candidate } from '../../src/pool/engine.js'
import { roundInMemory, type MemoryEntry } from '../../src/pool/memory.js'

const request = { at: '2023-07-05T13:38:22Z', kind: 'general', size: 3 } as const

const candidates = fc.uniqueArray(
  fc.record({ profileId: fc.stringMatching(/^[a-z]{1,6}$/), score: fc.integer({ min: 470, max: 480 }), second: fc.integer({ min: 0, max: 86_399 }) }),
  { selector: (c) => c.profileId, maxLength: 60 },
)

function toCandidate(c: { profileId: string; score: number; second: number }): Candidate {
  const submittedMs = Date.UTC(2022, 10, 23) + c.second * 1000
  return { profileId: c.profileId, score: c.score, submittedMs, submittedAt: new Date(submittedMs).toISOString().replace('.000Z', 'Z') }
}

describe('decideRound', () => {
  it('invites min(size, eligible); everyone above lowestScore, and at it up to tieBreakCutoff, and no one else', () => {
    fc.assert(
      fc.property(candidates, fc.integer({ min: 1, max: 80 }), (raw, size) => {
        const ranked = rankCandidates(raw.map(toCandidate))
        const d = decideRound({ ...request, size }, ranked)
        expect(d.invitations.length).toBe(Math.min(size, ranked.length))
        if (d.invitations.length === 0) return
        const invited = new Set(d.invitations.map((i) => i.profileId))
        for (const c of ranked) {
          const rule = c.score > d.lowestScore! || (c.score === d.lowestScore && c.submittedAt <= d.tieBreakCutoff!)
          // Same score and same second as the cut-off: only the id orders them (made-up data only).
          if (c.score === d.lowestScore && c.submittedAt === d.tieBreakCutoff) continue
          expect(invited.has(c.profileId)).toBe(rule)
        }
        expect(d.invitations.map((i) => i.rank)).toEqual(d.invitations.map((_, i) => i + 1))
      }),
    )
  })

  it('does not depend on the order candidates come in', () => {
    fc.assert(
      fc.property(candidates, fc.integer({ min: 1, max: 30 }), (raw, size) => {
        const a = decideRound({ ...request, size }, rankCandidates(raw.map(toCandidate)))
        const b = decideRound({ ...request, size }, rankCandidates(raw.map(toCandidate).reverse()))
        expect(b).toEqual(a)
      }),
    )
  })
})

describe('rankedDigest', () => {
  it('is the SHA-256 of the header and one line per ranked candidate, exactly as documented', () => {
    const ranked = [
      { profileId: 'c-1', score: 486, submittedAt: '2022-11-23T00:01:29Z' },
      { profileId: 'c-2', score: 486, submittedAt: '2022-11-24T10:00:00Z' },
    ]
    const text = 'express-entry round v1\nkind=category program=- category=stem-2023-1 size=1 at=2023-07-05T13:38:22Z date=2023-07-05\n1\tc-1\t486\t2022-11-23T00:01:29Z\n2\tc-2\t486\t2022-11-24T10:00:00Z\n'
    expect(rankedDigest({ at: '2023-07-05T13:38:22Z', kind: 'category', category: 'stem-2023-1', size: 1 }, ranked)).toBe(createHash('sha256').update(text).digest('hex'))
  })
})

describe('roundInMemory', () => {
  const day = Date.UTC(2023, 6, 5) / 86_400_000
  const entry = (id: string, score: number, second: number, extra: Partial<MemoryEntry> = {}): MemoryEntry => ({
    profileId: id,
    submittedAt: `2022-11-23T00:00:${String(second).padStart(2, '0')}Z`,
    submittedMs: Date.UTC(2022, 10, 23, 0, 0, second),
    expiresMs: Date.UTC(2023, 10, 23, 0, 0, second),
    active: true,
    day,
    score,
    programs: 3,
    categories: ',stem-2023-1,',
    undecidedPrograms: 0,
    ...extra,
  })

  it('ranks the category, leaves out others, and counts the whole pool in the distribution', () => {
    const pool = [entry('a', 500, 1), entry('b', 490, 2, { categories: ',' }), entry('c', 490, 3), entry('d', 490, 4), entry('e', 300, 5, { programs: 0 })]
    const r = roundInMemory(pool, { at: '2023-07-05T13:38:22Z', kind: 'category', category: 'stem-2023-1', size: 2 })
    expect(r.invitations.map((i) => i.profileId)).toEqual(['a', 'c'])
    expect(r).toMatchObject({ lowestScore: 490, tieBreakCutoff: '2022-11-23T00:00:03Z', ranked: 3 })
    expect(r.distribution.at(-1)).toEqual({ range: 'total', count: 4 })
    expect(pool.filter((e) => !e.active).map((e) => e.profileId)).toEqual(['a', 'c'])
  })
})
