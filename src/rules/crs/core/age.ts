/**
 * crs.core.age — Core/human capital factor "Age": points by age in full years on the day scored,
 * with and without an accompanying spouse who is not a citizen or PR. MI s.8-9 (S1, S5); the
 * official tool's q3 table (S10, S11) and S14 agree row for row.
 */
import { defineRule } from '../../rule.js'
import { CRS_LAUNCH, LAST_VERIFIED, launchSources } from '../shared.js'

/** Points for each age from `age` up to the next row's age; ages below the first row or past the last score 0. */
export interface AgeRow {
  readonly age: number
  readonly withSpouse: number
  readonly withoutSpouse: number
}

export const ageTable = defineRule<readonly AgeRow[]>({
  id: 'crs.core.age',
  title: 'Age (core / human capital factor)',
  lastVerified: LAST_VERIFIED,
  versions: [
    {
      from: CRS_LAUNCH,
      sources: launchSources('Age'),
      value: [
        { age: 18, withSpouse: 90, withoutSpouse: 99 },
        { age: 19, withSpouse: 95, withoutSpouse: 105 },
        { age: 20, withSpouse: 100, withoutSpouse: 110 }, // 20 to 29
        { age: 30, withSpouse: 95, withoutSpouse: 105 },
        { age: 31, withSpouse: 90, withoutSpouse: 99 },
        { age: 32, withSpouse: 85, withoutSpouse: 94 },
        { age: 33, withSpouse: 80, withoutSpouse: 88 },
        { age: 34, withSpouse: 75, withoutSpouse: 83 },
        { age: 35, withSpouse: 70, withoutSpouse: 77 },
        { age: 36, withSpouse: 65, withoutSpouse: 72 },
        { age: 37, withSpouse: 60, withoutSpouse: 66 },
        { age: 38, withSpouse: 55, withoutSpouse: 61 },
        { age: 39, withSpouse: 50, withoutSpouse: 55 },
        { age: 40, withSpouse: 45, withoutSpouse: 50 },
        { age: 41, withSpouse: 35, withoutSpouse: 39 },
        { age: 42, withSpouse: 25, withoutSpouse: 28 },
        { age: 43, withSpouse: 15, withoutSpouse: 17 },
        { age: 44, withSpouse: 5, withoutSpouse: 6 },
        { age: 45, withSpouse: 0, withoutSpouse: 0 }, // 45 or more
      ],
    },
  ],
})
