/**
 * The back-test's population: a fixed, seeded set of candidate templates spread over scores, programs
 * and categories (Canadian workers and workers abroad in STEM, health, trades, transport, education
 * and other occupations; French speakers; nominees; weak profiles eligible for nothing), each made into
 * a Profile dated from the day a forecast looks from (so its tests and work are as fresh on every day).
 * @module
 */
import { addDays, addYears, type IsoDate } from '../domain/dates.js'
import { profileSchema, type Profile, type ProfileInput } from '../schemas/profile.js'
import { mulberry32 } from './rng.js'

const NOCS: Readonly<Record<string, readonly string[]>> = {
  stem: ['21231', '21211', '21232', '21222', '21300', '21311'],
  health: ['31301', '32101', '31102', '33102', '31112'],
  trade: ['72310', '72200', '72400', '72106', '72014'],
  transport: ['73300', '72600', '72403'],
  education: ['41220', '42202', '41221'],
  other: ['11100', '13110', '41200', '12010', '62020', '64409', '62200'],
}
/** TCF Canada scores (listening, reading, writing, speaking) at each NCLC (language/tests.ts tables). */
const TCF: Readonly<Record<number, readonly [number, number, number, number]>> = {
  5: [369, 375, 6, 6],
  6: [398, 406, 7, 7],
  7: [458, 453, 10, 10],
  8: [503, 499, 12, 12],
  9: [523, 524, 14, 14],
}

/** What a population member is, fixed by the seed; dates come from the day it is made for. */
export interface Template {
  readonly id: string
  readonly archetype: 'canadian-worker' | 'worker-abroad' | 'french' | 'nominee' | 'weak'
  readonly age: number
  readonly birthdayIn: number
  readonly education: 'secondary' | 'two-year' | 'bachelors' | 'masters' | 'doctoral'
  readonly canadianEducation: boolean
  readonly english: number
  readonly englishTestAge: number
  readonly french: number | null
  readonly occupation: string
  readonly noc: string
  readonly canadianMonths: number
  readonly foreignYears: number
  readonly partnered: boolean
  readonly spouseClb: number | null
  readonly nominatedDaysAgo: number | null
}

/** The population: `size` templates from `seed`. */
export function population(size = 200, seed = 13): Template[] {
  const r = mulberry32(seed)
  const int = (a: number, b: number) => a + Math.floor(r() * (b - a + 1))
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!
  const out: Template[] = []
  for (let i = 0; i < size; i++) {
    const x = r()
    const archetype: Template['archetype'] = x < 0.42 ? 'canadian-worker' : x < 0.67 ? 'worker-abroad' : x < 0.8 ? 'french' : x < 0.9 ? 'nominee' : 'weak'
    const occupation = pick(['stem', 'stem', 'health', 'trade', 'transport', 'education', 'other', 'other', 'other'])
    const weak = archetype === 'weak'
    out.push({
      id: `t${String(i + 1).padStart(3, '0')}`,
      archetype,
      age: weak ? int(38, 50) : int(21, 46),
      birthdayIn: int(0, 364),
      education: weak ? 'secondary' : pick(['two-year', 'bachelors', 'bachelors', 'masters', 'masters', 'doctoral']),
      canadianEducation: archetype === 'canadian-worker' && r() < 0.5,
      english: weak ? 4 : int(6, 10),
      englishTestAge: int(20, 700),
      french: archetype === 'french' ? int(7, 9) : r() < 0.05 ? int(5, 7) : null,
      occupation,
      noc: pick(NOCS[occupation]!),
      canadianMonths: archetype === 'canadian-worker' || (archetype === 'nominee' && r() < 0.6) || (archetype === 'french' && r() < 0.5) ? int(10, 48) : 0,
      foreignYears: weak ? 0 : archetype === 'worker-abroad' ? int(1, 6) : int(0, 4),
      partnered: r() < 0.4,
      spouseClb: r() < 0.5 ? int(5, 9) : null,
      nominatedDaysAgo: archetype === 'nominee' ? int(0, 80) : null,
    })
  }
  return out
}

/** The template as a Profile on `day`. */
export function profileOf(t: Template, day: IsoDate): Profile {
  const birth = addDays(addYears(day, -t.age), -t.birthdayIn)
  const years = { secondary: 0, 'two-year': 2, bachelors: 4, masters: 2, doctoral: 4 }[t.education]
  const completedOn = addYears(day, -Math.max(1, Math.min(8, t.age - 22)))
  const education: ProfileInput['education'] = t.canadianEducation
    ? [{ level: t.education, country: 'CA', programYears: years, completedOn }]
    : [{ level: t.education, country: 'IN', programYears: years, completedOn, eca: { organization: 'WES', issuedOn: addYears(day, -2) } }]
  const e = t.english
  const languageTests: ProfileInput['languageTests'] = [{ test: 'celpip-general', testDate: addDays(day, -t.englishTestAge), listening: e, reading: e, writing: e, speaking: e }]
  if (t.french !== null) {
    const f = TCF[t.french]!
    languageTests.push({ test: 'tcf-canada', testDate: addDays(day, -200), listening: f[0], reading: f[1], writing: f[2], speaking: f[3] })
  }
  const work: ProfileInput['work'] = []
  let cursor = day
  if (t.canadianMonths > 0) {
    const from = addDays(day, -Math.round(t.canadianMonths * 30.44))
    work.push({ noc: t.noc, country: 'CA', from, to: null, hoursPerWeek: 40, selfEmployed: false, fullTimeStudent: false })
    cursor = addDays(from, -60)
  }
  if (t.foreignYears > 0) {
    work.push({ noc: t.noc, country: 'IN', from: addDays(cursor, -Math.round(t.foreignYears * 365.25) - 30), to: t.canadianMonths > 0 ? cursor : null, hoursPerWeek: 40, selfEmployed: false, fullTimeStudent: false })
  }
  const input: ProfileInput = {
    id: t.id,
    submittedAt: `${addDays(day, -90)}T12:00:00Z`,
    dateOfBirth: birth,
    maritalStatus: t.partnered ? 'married' : 'single',
    spouse: t.partnered
      ? {
          accompanying: true,
          canadianCitizenOrPR: false,
          education: [],
          languageTests: t.spouseClb === null ? [] : [{ test: 'celpip-general', testDate: addDays(day, -300), listening: t.spouseClb, reading: t.spouseClb, writing: t.spouseClb, speaking: t.spouseClb }],
          work: [],
        }
      : null,
    education,
    languageTests,
    firstOfficialLanguage: 'english',
    work,
    certificateOfQualification: t.occupation === 'trade' ? { noc: t.noc, province: 'ON' } : null,
    provincialNomination: t.nominatedDaysAgo === null ? null : { province: 'ON', nominatedOn: addDays(day, -t.nominatedDaysAgo) },
    jobOffer: null,
    siblingInCanada: false,
    settlementFundsCad: 40_000,
  }
  return profileSchema.parse(input)
}
