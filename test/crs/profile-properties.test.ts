/**
 * Properties of scoring Profiles (fast-check): random profiles valid for the schema score within the
 * caps on any date since 2015, their derived factors are within the facts' bounds, and more facts
 * (a job, a credential) never lower the score.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { factorsOf, scoreCrs, scoreRequest } from '../../src/crs/index.js'
import { fullYearsBetween } from '../../src/domain/dates.js'
import { profileSchema, type Profile } from '../../src/schemas/profile.js'
import { parseScoreRequest } from '../../src/schemas/score-request.js'
import { asOfArb, bornBeforeFacts, jobArb, profileArb } from './arbitraries.js'

const parse = (input: unknown): Profile => profileSchema.parse(input)

describe('random profiles', () => {
  it('parse, derive factors the CrsFactors schema accepts, and score within the caps', () => {
    fc.assert(
      fc.property(profileArb, asOfArb, (input, asOf) => {
        const { result } = scoreRequest(parseScoreRequest({ asOf, profile: input }, asOf))
        expect(result.total).toBe(result.core.subtotal + result.spouse.subtotal + result.transferability.subtotal + result.additional.subtotal)
        expect(result.total).toBeLessThanOrEqual(1200)
        const f = factorsOf(parse(input), asOf)
        expect(f.age).toBe(Math.max(0, fullYearsBetween(input.dateOfBirth, asOf)))
        expect(f.canadianWorkYears).toBeLessThanOrEqual(10)
        expect(f.foreignWorkYears).toBeLessThanOrEqual(10)
        if (f.secondLanguage) expect(f.secondLanguage.language).not.toBe(f.firstLanguage?.language)
      }),
      { numRuns: 500 },
    )
  })

  it('one more job never lowers the score', () => {
    fc.assert(
      fc.property(profileArb, jobArb, asOfArb, (input, job, asOf) => {
        // The same person in both: born early enough for the added job too.
        const more = bornBeforeFacts({ ...input, work: [...input.work, job] })
        const before = scoreCrs(factorsOf(parse({ ...input, dateOfBirth: more.dateOfBirth }), asOf), asOf).total
        const after = scoreCrs(factorsOf(parse(more), asOf), asOf).total
        expect(after).toBeGreaterThanOrEqual(before)
      }),
      { numRuns: 500 },
    )
  })

  it('one more credential never lowers the score', () => {
    fc.assert(
      fc.property(profileArb, profileArb, asOfArb, (input, other, asOf) => {
        const extra = other.education[0]
        if (!extra) return
        const more = bornBeforeFacts({ ...input, education: [...input.education, extra] })
        const before = scoreCrs(factorsOf(parse({ ...input, dateOfBirth: more.dateOfBirth }), asOf), asOf).total
        const after = scoreCrs(factorsOf(parse(more), asOf), asOf).total
        expect(after).toBeGreaterThanOrEqual(before)
      }),
      { numRuns: 500 },
    )
  })
})
