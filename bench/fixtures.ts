/** Seeded, varied inputs for the CRS benchmarks. */
import type { CrsFactorsInput } from '../src/schemas/crs-factors.js'
import type { ProfileInput } from '../src/schemas/profile.js'
import { prng } from '../src/pool/generator.js'

/** The generator's seeded PRNG, so every run scores the same inputs. */
export const rng = prng

const LEVELS = ['secondary', 'one-year', 'two-year', 'bachelors', 'two-or-more', 'masters', 'doctoral'] as const

export function randomFactors(random: () => number): CrsFactorsInput {
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1))
  const clb = () => ({ speaking: int(4, 11), listening: int(4, 11), reading: int(4, 11), writing: int(4, 11) })
  const married = random() < 0.4
  return {
    age: int(20, 45),
    education: LEVELS[int(0, LEVELS.length - 1)]!,
    canadianEducation: random() < 0.3 ? 'three-year-or-more' : 'none',
    firstLanguage: { language: 'english', clb: clb() },
    secondLanguage: random() < 0.15 ? { language: 'french', clb: clb() } : null,
    canadianWorkYears: int(0, 6),
    foreignWorkYears: int(0, 5),
    certificateOfQualification: random() < 0.05,
    jobOffer: random() < 0.1 ? 'teer-0-3' : 'none',
    provincialNomination: random() < 0.05,
    siblingInCanada: random() < 0.1,
    spouse: married ? { accompanying: true, canadianCitizenOrPR: false, education: LEVELS[int(0, 6)]!, language: clb(), canadianWorkYears: int(0, 2) } : null,
  }
}

function date(random: () => number, fromYear: number, toYear: number): string {
  const y = fromYear + Math.floor(random() * (toYear - fromYear + 1))
  const m = 1 + Math.floor(random() * 12)
  const d = 1 + Math.floor(random() * 28)
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

export function randomProfile(random: () => number, id: number): ProfileInput {
  const nocs = ['21231', '21211', '31301', '13110', '72310', '62200', '41200', '00012', '64100']
  const noc = () => nocs[Math.floor(random() * nocs.length)]!
  const married = random() < 0.4
  return {
    id: `c-${id}`,
    submittedAt: `${date(random, 2025, 2026)}T12:00:00Z`,
    dateOfBirth: date(random, 1980, 2003),
    maritalStatus: married ? 'married' : 'single',
    spouse: married
      ? {
          accompanying: true,
          canadianCitizenOrPR: false,
          education: [{ level: 'bachelors', country: 'IN', programYears: 4, completedOn: '2015-06-01', eca: { organization: 'WES', issuedOn: '2023-01-01' } }],
          languageTests: [{ test: 'celpip-general', testDate: date(random, 2025, 2026), listening: 7, reading: 7, writing: 6, speaking: 7 }],
          work: [],
        }
      : null,
    education: [{ level: (['bachelors', 'masters', 'doctoral', 'two-year'] as const)[Math.floor(random() * 4)]!, country: random() < 0.3 ? 'CA' : 'IN', programYears: 4, completedOn: date(random, 2012, 2022), eca: { organization: 'WES', issuedOn: date(random, 2022, 2025) } }],
    languageTests: [{ test: 'ielts-general', testDate: date(random, 2025, 2026), listening: 6 + Math.floor(random() * 7) / 2, reading: 6 + Math.floor(random() * 6) / 2, writing: 6 + Math.floor(random() * 4) / 2, speaking: 6 + Math.floor(random() * 4) / 2 }],
    firstOfficialLanguage: 'english',
    work: [
      { noc: noc(), country: 'IN', from: date(random, 2014, 2018), to: date(random, 2019, 2021), hoursPerWeek: 40, selfEmployed: false, fullTimeStudent: false },
      { noc: noc(), country: 'CA', from: date(random, 2021, 2024), to: null, hoursPerWeek: 30 + Math.floor(random() * 15), selfEmployed: false, fullTimeStudent: false },
    ],
    certificateOfQualification: null,
    provincialNomination: random() < 0.05 ? { province: 'ON', nominatedOn: '2025-01-10' } : null,
    jobOffer: null,
    siblingInCanada: random() < 0.1,
    settlementFundsCad: 20000,
  }
}
