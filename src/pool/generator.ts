/**
 * A synthetic but realistic pool (for demos, tests and benchmarks): `size` profiles, reproducible from
 * a `seed`, whose CRS distribution on the `like` date matches the one IRCC published with the round
 * nearest to that date (data/ee-rounds.json, dd1..dd18; pool-data.md §1).
 *
 * How: profiles are drawn from a simple model of applicants (age, education, language, work in and
 * outside Canada, spouse, job offer, sibling; a share of strong profiles), scored on `like`, and kept
 * only while the CRS range they fall in still has room (quotas from the published counts, in the 15
 * finest disjoint ranges); a kept profile must also be eligible for a program at its submission
 * instant. Candidates for the 601+ range get a provincial nomination (+600, as almost all of dd1).
 * With `shape: 'model'` (what `pool generate --like` uses) the quotas are per 10-point bin (100-point
 * above 600), from the pool model of src/forecast/pool-model.ts (the shape inside the published bands
 * that `pool replay` and the forecast use), and who is eligible for what follows the same model's mix
 * (poolMix on `like`): in each score band, the share of the kept profiles eligible for CEC, FSW, French
 * and each occupation category (by eligibility on `like`) is the mean of the mix's shares at their scores
 * (assumedShareAt: below where the record tells a type's share, the share the replay and the forecast
 * carry down, as far as a round has been seen to go).
 * The maker is steered per drawn profile (a year in Canada, a French test, an occupation from a
 * category's list in force) and a profile that would take a band's mix off course is drawn again.
 * Submission instants are distinct seconds spread over the 12 months before `like`, in id order.
 * @module
 */
import { mulberry32 } from '../forecast/rng.js'
import { addDays, addYears, fromDayNumber, instantOfMs, toDayNumber, type IsoDate } from '../domain/dates.js'
import { factorsOf, scoreCrs } from '../crs/index.js'
import { FINEST_RANGES, countIn, type PoolDistribution } from '../history/distribution.js'
import { MAX_SCORE, poolDensity, poolMix, type PoolMix } from '../forecast/pool-model.js'
import { eligibilityByType } from '../forecast/candidate.js'
import type { RoundTypeKey } from '../forecast/round-types.js'
import { categoriesInForce, categoryById, eligibility as eligibilityOn } from '../eligibility/index.js'
import { nocByCode } from '../noc/index.js'
import { distributionOverTime } from '../history/analysis.js'
import { loadRounds } from '../history/load.js'
import type { Profile } from '../schemas/profile.js'
import { PROGRAM_BIT, type PoolEligibility } from './eligibility.js'
import { ExpressEntryError } from '../errors.js'
import { EXPRESS_ENTRY_LAUNCH } from '../rules/fsw/shared.js'

/** mulberry32: a small, fast, seedable PRNG (32-bit state), shared with the forecast. */
export const prng = mulberry32

export interface Target {
  /** Date of the published snapshot used. */
  readonly asOf: IsoDate
  /** Rounds it was published with. */
  readonly rounds: readonly string[]
  readonly distribution: PoolDistribution
}

/** The published pool distribution nearest to `like` (ties go to the earlier snapshot). */
export function targetFor(like: IsoDate): Target {
  const snapshots = distributionOverTime(loadRounds())
  if (snapshots.length === 0) throw new Error('no published pool distribution in data/ee-rounds.json')
  const day = toDayNumber(like)
  let best = snapshots[0]!
  for (const s of snapshots) if (Math.abs(toDayNumber(s.asOf) - day) < Math.abs(toDayNumber(best.asOf) - day)) best = s
  return { asOf: best.asOf, rounds: best.rounds, distribution: best.distribution }
}

/**
 * The score bins the generator fills: the published 10-point bins, and the wide ranges cut into 10-point
 * bins (100-point ones above 600) so that the shape inside them is the pool model's (src/forecast/pool-model.ts),
 * not whatever the profile maker happens to draw: most of 501-600 sits just above 500.
 */
export const GENERATOR_BINS: readonly { readonly min: number; readonly max: number }[] = FINEST_RANGES.flatMap((r) => {
  const width = r.max - r.min + 1
  const step = r.min >= 601 ? 100 : r.min === 0 ? width : 10
  const bins: { min: number; max: number }[] = []
  for (let top = r.max; top >= r.min; top -= step) bins.push({ min: Math.max(r.min, top - step + 1), max: top })
  return bins
})

/** The published finest ranges as generator bins (the shape inside them left to the profile maker). */
const PUBLISHED_BINS: readonly { readonly min: number; readonly max: number }[] = FINEST_RANGES.map((r) => ({ min: r.min, max: r.max }))

/**
 * Whole-number quotas per bin adding up to `size` (largest remainders): per GENERATOR_BINS from the pool
 * model's density (`shape: 'model'`), or per published finest range (`shape: 'published'`).
 */
export function quotasFor(distribution: PoolDistribution, size: number, shape: PoolShape = 'published'): number[] {
  let counts: number[]
  if (shape === 'model') {
    const density = poolDensity(distribution)
    counts = GENERATOR_BINS.map((b) => density.above[b.min]! - density.above[b.max + 1]!)
  } else {
    counts = FINEST_RANGES.map((r) => countIn(distribution, r.range as never))
  }
  const total = counts.reduce((a, b) => a + b, 0)
  const exact = counts.map((c) => (c / total) * size)
  const quotas = exact.map(Math.floor)
  let left = size - quotas.reduce((a, b) => a + b, 0)
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0])
  for (const [, i] of order) {
    if (left-- <= 0) break
    quotas[i]!++
  }
  return quotas
}

/**
 * How the generator fills each published band: `model`, the pool model's shape inside the bands (what
 * `pool generate --like` uses); `published`, only the published counts per range (the library's default,
 * which the seeded pools of earlier tests and demos were made with).
 */
export type PoolShape = 'model' | 'published'

function binsOf(shape: PoolShape): readonly { readonly min: number; readonly max: number }[] {
  return shape === 'model' ? GENERATOR_BINS : PUBLISHED_BINS
}

function binIndex(bins: readonly { readonly min: number; readonly max: number }[], score: number): number {
  for (let i = 0; i < bins.length; i++) if (score >= bins[i]!.min && score <= bins[i]!.max) return i
  return bins.length - 1
}

const STEM = ['21211', '21231', '21232', '21233', '21234', '21220', '21221', '21222', '21223', '21300', '21310', '21311', '20012']
const HEALTH = ['31100', '31102', '31301', '31300', '32101', '33102', '31200', '31112']
const TRADES = ['72200', '72310', '72400', '72106', '72300', '72014']
const TRANSPORT = ['72600', '73300', '72403', '70020']
const OTHER = ['11100', '11102', '12010', '13110', '41200', '41400', '40021', '10010', '11202', '12200', '13100', '62020', '63100', '64409', '22300', '22310']
const USUAL = new Set([...STEM, ...HEALTH, ...TRADES, ...TRANSPORT, ...OTHER])
const teerOf = (noc: string): number => nocByCode(noc)?.teer ?? 5
const FOREIGN = ['IN', 'IN', 'IN', 'NG', 'PH', 'CN', 'PK', 'BR', 'IR', 'GB', 'US', 'FR', 'MX', 'KR', 'VN', 'CO']

/** Profile generation with a seeded random source. */
class Maker {
  constructor(readonly r: () => number) {}
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.r() * list.length)]!
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.r() * (max - min + 1))
  }
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    const total = pairs.reduce((s, [, w]) => s + w, 0)
    let x = this.r() * total
    for (const [v, w] of pairs) if ((x -= w) < 0) return v
    return pairs[pairs.length - 1]![0]
  }
  day(from: IsoDate, to: IsoDate): IsoDate {
    return fromDayNumber(this.int(toDayNumber(from), toDayNumber(to)))
  }
  noc(): string {
    return this.weighted([
      [this.pick(STEM), 22],
      [this.pick(HEALTH), 10],
      [this.pick(TRADES), 6],
      [this.pick(TRANSPORT), 3],
      [this.pick(OTHER), 59],
    ])
  }
  /**
   * An occupation as `steer` asks: from the target category's list (the maker's usual occupations in it
   * first, as in the applicant model), else the maker's usual draw outside the lists to avoid.
   */
  steeredNoc(steer: Steer): string {
    if (steer.nocs) {
      const usual = steer.nocs.filter((c) => USUAL.has(c))
      return usual.length > 0 && this.r() < 0.6 ? this.pick(usual) : this.pick(steer.nocs)
    }
    for (let i = 0; i < 50; i++) {
      const noc = this.noc()
      if (!steer.avoid.has(noc) && teerOf(noc) <= steer.maxTeer && teerOf(noc) >= steer.minTeer) return noc
    }
    return this.pick(OTHER.filter((c) => !steer.avoid.has(c) && teerOf(c) <= steer.maxTeer && teerOf(c) >= steer.minTeer))
  }
  clbLevels(base: number): number[] {
    return [0, 1, 2, 3].map(() => Math.max(4, Math.min(10, base + this.weighted([[-1, 2], [0, 6], [1, 2]] as const))))
  }
}

/**
 * What a drawn profile should be eligible for on `like` (shape `model`): each field undefined leaves the
 * applicant model as it is. The maker steers the facts the rules read (Canadian work for CEC, a French
 * test for the French category, an occupation from a category's list with recent work in it); whether
 * the profile is then eligible is judged by eligibility() on the kept profile, never assumed.
 */
export interface Steer {
  /** Canadian Experience Class: at least 13 months of skilled Canadian work (yes), none or under a year, ended (no). */
  readonly cec?: boolean
  /** Federal Skilled Worker: English at CLB 7, work abroad or a year in Canada, funds (yes); a year in Canada only, without the settlement funds (no). */
  readonly fsw?: boolean
  /** French-language proficiency: TCF Canada at NCLC 7+ in all four abilities (yes); none, or one ability below 7 (no). */
  readonly french?: boolean
  /** An occupation category to be eligible for: its list (in force on `like`) and experience rule. */
  readonly nocs?: readonly string[]
  readonly categoryMonths?: number
  readonly categoryInCanada?: boolean
  /** Occupations of the steered categories the profile must not work in (the category targets it does not have). */
  readonly avoid: ReadonlySet<string>
  /** The TEER range of the occupation drawn (0-3, skilled, when a program's work is steered). */
  readonly minTeer: number
  readonly maxTeer: number
  /** The applicant model's tier (strong: young, master's or more, CLB 9-10; weak: older, CLB 6-7); undefined: drawn. */
  readonly tier?: 'strong' | 'weak'
}

/** One synthetic profile (not yet checked against the quotas); `steer` only with shape `model`. */
function makeProfile(m: Maker, id: string, submittedAt: string, like: IsoDate, steer?: Steer): Profile {
  const submittedDay = submittedAt.slice(0, 10)
  // Steered: the applicant model's strong or weak tier, as the score bin aimed at asks (else drawn as usual).
  const strong = steer?.tier ? steer.tier === 'strong' : m.r() < 0.12
  const weak = steer?.tier ? steer.tier === 'weak' : !strong && m.r() < 0.12
  const age = strong ? m.int(24, 31) : weak ? m.int(36, 49) : m.weighted([[m.int(20, 24), 14], [m.int(25, 29), 34], [m.int(30, 34), 28], [m.int(35, 39), 15], [m.int(40, 47), 9]])
  const dateOfBirth = addDays(addYears(like, -age), -m.int(0, 364))
  const level = strong
    ? m.weighted([['masters', 6], ['two-or-more', 3], ['doctoral', 1]] as const)
    : m.weighted([['secondary', 5], ['one-year', 5], ['two-year', 13], ['bachelors', 38], ['two-or-more', 12], ['masters', 24], ['doctoral', 3]] as const)
  const canadianStudy = m.r() < (strong ? 0.6 : 0.3)
  const years = { secondary: 0, 'one-year': 1, 'two-year': 2, bachelors: 4, 'two-or-more': 4, masters: 2, doctoral: 4 }[level]
  const completedOn = addYears(like, -m.int(2, Math.max(3, age - 20)))
  const education: Profile['education'] = []
  const credential = (lvl: Exclude<typeof level, 'two-or-more'>, programYears: number, done: IsoDate, inCanada: boolean): Profile['education'][number] =>
    inCanada ? { level: lvl, country: 'CA', programYears, completedOn: done } : { level: lvl, country: m.pick(FOREIGN), programYears, completedOn: done, eca: { organization: 'WES', issuedOn: m.day(addYears(submittedDay, -4), submittedDay) } }
  if (level === 'two-or-more') {
    education.push(credential('bachelors', 4, addYears(completedOn, -3), false), credential('one-year', 1, completedOn, canadianStudy))
  } else {
    education.push(credential(level, years, completedOn, canadianStudy && level !== 'secondary'))
  }
  const base = strong ? m.int(9, 10) : weak ? m.int(6, 7) : m.weighted([[7, 30], [8, 26], [9, 28], [10, 12], [6, 4]])
  // FSW needs CLB 7 in every ability; without CEC, FSW is the program a kept profile is eligible for.
  const fswRoute = steer !== undefined && (steer.fsw === true || (steer.cec === false && steer.fsw === undefined))
  const english = fswRoute ? m.clbLevels(base).map((x) => Math.max(7, x)) : m.clbLevels(base)
  const testDate = m.day(addDays(addYears(like, -2), 2), submittedDay)
  const languageTests: Profile['languageTests'] = [
    { test: 'celpip-general', testDate, listening: english[0]!, reading: english[1]!, writing: english[2]!, speaking: english[3]! },
  ]
  const french = steer?.french
  if (french === undefined ? m.r() < (strong ? 0.35 : 0.08) : french || m.r() < (strong ? 0.35 : 0.08)) {
    const f = french === true ? m.clbLevels(m.int(8, 9)).map((x) => Math.max(7, x)) : m.clbLevels(m.int(5, 9))
    // Not French-proficient: at least one ability below NCLC 7.
    if (french === false && f.every((x) => x >= 7)) f[m.int(0, 3)] = m.int(4, 6)
    const tcf = { 4: [331, 342, 4, 4], 5: [369, 375, 6, 6], 6: [398, 406, 7, 7], 7: [458, 453, 10, 10], 8: [503, 499, 12, 12], 9: [523, 524, 14, 14], 10: [549, 549, 16, 16] } as Record<number, number[]>
    languageTests.push({ test: 'tcf-canada', testDate: m.day(addDays(addYears(like, -2), 2), submittedDay), listening: tcf[f[0]!]![0]!, reading: tcf[f[1]!]![1]!, writing: tcf[f[2]!]![2]!, speaking: tcf[f[3]!]![3]! })
  }
  const work: Profile['work'] = []
  const noc = steer ? m.steeredNoc(steer) : m.noc()
  let foreignYears = m.weighted([[0, 18], [1, 18], [2, 18], [3, 30], [5, 16]])
  let canadianMonths = strong ? m.int(12, 40) : m.weighted([[0, 45], [m.int(12, 23), 30], [m.int(24, 35), 15], [m.int(36, 60), 10]])
  let foreignNoc: string | undefined
  if (steer) {
    // CEC: a year of skilled Canadian work in the 3 years before (13 months: margin for part-time hours).
    // Not FSW but eligible for a program: CEC, by a year in Canada.
    if ((steer.cec === true || (steer.cec === undefined && steer.fsw === false)) && canadianMonths < 13) canadianMonths = m.int(13, 36)
    else if (steer.cec === false) canadianMonths = canadianMonths > 0 && m.r() < 0.25 ? m.int(2, 10) : 0
    if (steer.nocs) {
      const needed = (steer.categoryMonths ?? 6) + 2
      // The category's months in its occupation: in Canada, or (where it allows) abroad, just before.
      if (canadianMonths < needed && (steer.categoryInCanada || steer.cec === true)) canadianMonths = m.int(needed, needed + 24)
      else if (canadianMonths < needed) {
        canadianMonths = 0
        foreignYears = Math.max(foreignYears, Math.ceil(needed / 12))
      }
      foreignNoc = noc
    } else if (m.r() < 0.7) foreignNoc = noc
    else foreignNoc = m.steeredNoc(steer)
    if (fswRoute && canadianMonths < 13 && foreignYears === 0) foreignYears = m.weighted([[1, 18], [2, 18], [3, 30], [5, 16]])
  }
  let cursor = addDays(submittedDay, -m.int(0, 60))
  if (canadianMonths > 0) {
    // Under a year of Canadian work stays under a year: ended, not accruing up to `like`.
    const ongoing = m.r() < 0.7 && !(steer && canadianMonths < 12)
    const to = ongoing ? null : cursor
    const from = addDays(cursor, -Math.round(canadianMonths * 30.44))
    work.push({ noc, country: 'CA', from, to, hoursPerWeek: m.pick([30, 35, 37.5, 40, 40, 40]), selfEmployed: false, fullTimeStudent: false })
    cursor = addDays(from, -m.int(30, 400))
  }
  if (foreignYears > 0) {
    const from = addDays(cursor, -Math.round(foreignYears * 365.25) - m.int(10, 200))
    work.push({ noc: foreignNoc ?? (m.r() < 0.7 ? noc : m.noc()), country: m.pick(FOREIGN), from, to: cursor, hoursPerWeek: 40, selfEmployed: false, fullTimeStudent: false })
  }
  const partnered = m.r() < (strong ? 0.3 : 0.45)
  const spouse: Profile['spouse'] = partnered
    ? {
        accompanying: m.r() < 0.85,
        canadianCitizenOrPR: m.r() < 0.05,
        education: m.r() < 0.8 ? [{ level: m.pick(['bachelors', 'masters', 'two-year'] as const), country: m.pick(FOREIGN), programYears: 3, completedOn: addYears(like, -m.int(2, 12)), eca: { organization: 'WES', issuedOn: m.day(addYears(submittedDay, -4), submittedDay) } }] : [],
        languageTests: m.r() < 0.6 ? [{ test: 'celpip-general', testDate: m.day(addDays(addYears(like, -2), 2), submittedDay), ...Object.fromEntries(['listening', 'reading', 'writing', 'speaking'].map((a, i) => [a, m.clbLevels(m.int(5, 9))[i]!])) } as Profile['languageTests'][number]] : [],
        work: m.r() < 0.3 ? [{ noc: m.noc(), country: 'CA', from: addYears(submittedDay, -m.int(1, 3)), to: null, hoursPerWeek: 40, selfEmployed: false, fullTimeStudent: false }] : [],
      }
    : null
  return {
    id,
    submittedAt,
    dateOfBirth,
    maritalStatus: partnered ? m.pick(['married', 'common-law'] as const) : m.weighted([['single', 90], ['divorced', 6], ['separated', 3], ['widowed', 1]] as const),
    spouse,
    education,
    languageTests,
    firstOfficialLanguage: 'english',
    work,
    certificateOfQualification: TRADES.includes(noc) && m.r() < 0.2 ? { noc, province: 'ON' } : null,
    provincialNomination: null,
    jobOffer: m.r() < (strong ? 0.15 : 0.02) ? { noc, lmiaExempt: m.r() < 0.5 } : null,
    siblingInCanada: m.r() < 0.04,
    // FSW needs settlement funds (CEC does not): a CEC candidate who is not FSW is often one without them.
    settlementFundsCad: (steer?.fsw === false ? m.int(2, 12) : fswRoute ? m.int(30, 90) : m.int(15, 90)) * 1000,
    dependentChildren: partnered ? m.weighted([[0, 6], [1, 3], [2, 1]]) : 0,
  }
}

/** A round type whose eligible share the generator steers to the pool model's mix (shape `model`). */
export interface SteeredType {
  readonly type: RoundTypeKey
  readonly kind: 'cec' | 'fsw' | 'french' | 'occupation'
  /** Occupation categories: the listed NOC codes in force on `like` (from the rules eligibility() reads). */
  readonly list?: ReadonlySet<string>
  /** Months of work the category needs in a listed occupation, and whether in Canada only. */
  readonly months?: number
  readonly inCanada?: boolean
}

/**
 * The round types of the mix on `like` that the generator steers: CEC, FSW, French, and each occupation
 * category in force on `like` with a known list. Not steered: general (every kept profile is eligible for
 * a program), PNP (nominees fill 601+, as the model has it), FST, a category not in force on `like`, whose
 * list is not known (eligibility can't tell), or with a rule of its own (skilled military recruits).
 */
export function steeredTypes(mix: PoolMix, like: IsoDate): SteeredType[] {
  const out: SteeredType[] = []
  const inForce = categoriesInForce(like)
  for (const type of mix.types) {
    if (type === 'program:cec') out.push({ type, kind: 'cec' })
    else if (type === 'program:fsw') out.push({ type, kind: 'fsw' })
    else if (type.startsWith('category:')) {
      const key = type.slice('category:'.length)
      const versions = inForce.filter((c) => c.key === key)
      if (versions.length === 0) continue
      const rule = versions[0]!.rule
      if (rule.type === 'language') out.push({ type, kind: 'french' })
      else if (rule.type === 'occupation' && versions.every((v) => v.occupations !== null)) {
        out.push({ type, kind: 'occupation', list: new Set(versions.flatMap((v) => v.occupations!)), months: rule.minimumMonths, inCanada: rule.location === 'canada' })
      }
    }
  }
  return out
}

/** Score bins up to which (from which) a steered draw may take the applicant model's weak (strong) tier. */
const TIER_WEAK_BELOW = 400
const TIER_STRONG_FROM = 491
const NO_OCCUPATIONS: ReadonlySet<string> = new Set()
/** The steer of a draw out of patience without a tier: the applicant model as it is. */
const FREE: Steer = { avoid: NO_OCCUPATIONS, minTeer: 0, maxTeer: 5 }

/** Draws per profile after which a profile whose score bin has room goes even if its programs and categories do not fit. */
const MIX_PATIENCE = 100
/**
 * Draws in a row eligible for no program on their submission day before giving up on a slot: then none
 * can be (facts dated like a day far after the submissions, as a language test taken after them).
 */
const INELIGIBLE_PATIENCE = 5_000

/**
 * The score groups over which who is eligible for what is counted: the pool model's bands below 601
 * (0-400, 401-450, 451-500, 501-600) and the nominees' band. Counting per 10-point bin would leave the
 * last profiles of a bin needing a mix the applicant model hardly makes at that score (no CEC and no
 * French at 590, French but no CEC at 300); over a band, the mix is met by the band's profiles together.
 */
const MIX_GROUPS: readonly number[] = [0, 401, 451, 501, 601]

/**
 * The lower edges of the score groups over which a steered type's mix is met: MIX_GROUPS, and the score
 * from which the record tells the type's share (mix.shareAt), when it stops telling below 600.
 */
export function mixGroupEdges(mix: PoolMix, type: RoundTypeKey): number[] {
  let toldFrom = 0
  while (toldFrom <= MAX_SCORE && mix.shareAt(type, toldFrom) === null) toldFrom++
  return [...new Set([...MIX_GROUPS, ...(toldFrom > 0 && toldFrom <= 600 ? [toldFrom] : [])])].sort((a, b) => a - b)
}

/**
 * How far (in profiles) the eligible count of a type in a group may run from the mix's expected count:
 * at the end, each type's share in each group is the mean of the mix's shares at the kept profiles'
 * scores within MIX_SLACK / (profiles in the group).
 */
const MIX_SLACK = 1.5

/**
 * Who is eligible for what (shape `model`). For each score group and steered type, `deficit` = profiles
 * kept eligible for it minus the sum of the mix's shares at their scores (mix.shareAt on `like`). A
 * drawn profile is kept only if its eligibility (eligibility() on `like`) keeps every deficit within
 * MIX_SLACK (or brings it closer to 0); the maker is steered towards the eligibility that does.
 */
class MixPlan {
  readonly deficit: Float64Array[]
  /** Per type, the group of each score: MIX_GROUPS, split where the record stops telling the type's share (see constructor). */
  readonly groupAt: Int32Array[]
  /** For each occupation type, the steered types it makes eligible too (its own, and any whose list holds its list). */
  private readonly implied: number[][]
  /** For each occupation type, its occupations outside the lists of the types it does not imply. */
  private readonly own: string[][]
  private readonly ic: number
  private readonly ifsw: number
  private readonly ifr: number
  private readonly occ: number[]

  constructor(
    readonly types: readonly SteeredType[],
    private readonly mix: PoolMix,
    private readonly bins: readonly { readonly min: number; readonly max: number }[],
  ) {
    this.ic = types.findIndex((t) => t.kind === 'cec')
    this.ifsw = types.findIndex((t) => t.kind === 'fsw')
    this.ifr = types.findIndex((t) => t.kind === 'french')
    this.occ = types.flatMap((t, i) => (t.kind === 'occupation' ? [i] : []))
    this.implied = types.map((t, i) => (t.kind !== 'occupation' ? [] : this.occ.filter((j) => j === i || [...t.list!].every((c) => types[j]!.list!.has(c)))))
    this.own = types.map((t, i) => {
      if (t.kind !== 'occupation') return []
      const others = this.occ.filter((j) => !this.implied[i]!.includes(j))
      const codes = [...t.list!].filter((c) => !others.some((j) => types[j]!.list!.has(c)))
      return (codes.length > 0 ? codes : [...t.list!]).sort()
    })
    this.shares = types.map(() => new Float64Array(MAX_SCORE + 1).fill(Number.NaN))
    this.keys = types.map((t) => t.type)
    // Where the record stops telling (shareAt null below), the share the model carries down is that of
    // candidates no recent round thinned, often far above the thinned share just over it (French like
    // 2026-08-20: 1.4% above 382, 45% below): counted in one group, the steering would meet the group's
    // mean and put too many of the type just above the line. So each side is counted apart, by score (a
    // bin may straddle the line).
    this.groupAt = types.map((t) => {
      const edges = mixGroupEdges(mix, t.type)
      return Int32Array.from({ length: MAX_SCORE + 1 }, (_, score) => edges.findLastIndex((min) => score >= min))
    })
    this.deficit = types.map(() => new Float64Array(MIX_GROUPS.length + 1))
    // steer() marks the occupation types as bits of a 32-bit number.
    if (this.occ.length > 31) throw new Error(`${this.occ.length} occupation categories steered at once: at most 31`)
    this.impliedBy = this.occ.map((i) => this.occ.filter((j) => j !== i && this.implied[j]!.includes(i)))
    this.conflicts = this.occ.map((i) => this.occ.filter((j) => j !== i && !this.implied[i]!.includes(j)))
    this.wanted = types.map(() => null)
    this.alone = new Float64Array(this.occ.length)
  }

  /** Per occupation type (in `occ` order), the other occupation types whose eligibility implies it. */
  private readonly impliedBy: readonly (readonly number[])[]
  /** Per occupation type (in `occ` order), the other occupation types it does not imply (one profile is not steered to both). */
  private readonly conflicts: readonly (readonly number[])[]
  /** Scratch for steer(): each type's probability at the score aimed at (null: not known there). */
  private readonly wanted: (number | null)[]
  /** Scratch for draw(): each occupation type's probability of being the one drawn. */
  private readonly alone: Float64Array

  private readonly keys: readonly RoundTypeKey[]

  /** mix.assumedShareAt per type and score, read once (NaN: not yet read; -1: the model has no share of its own). */
  private readonly shares: Float64Array[]

  /**
   * The model's share of type i at a score (assumedShareAt: where the record can't tell, the share the
   * replay and the forecast carry down); null where the type's share was borrowed (that type is then
   * left to the applicant model).
   */
  private share(i: number, score: number): number | null {
    const row = this.shares[i]!
    let v = row[score]!
    if (Number.isNaN(v)) v = row[score] = this.mix.assumedShareAt(this.types[i]!.type, score) ?? -1
    return v < 0 ? null : v
  }

  /**
   * One eligibility vector, each type eligible with probability `p[i]`, under the joint rules of the
   * pool; undefined for a type whose share is not known there (p[i] null: the maker draws it freely).
   */
  private draw(p: readonly (number | null)[], r: () => number): (boolean | undefined)[] {
    const e: (boolean | undefined)[] = this.types.map(() => false)
    const clamp = (x: number) => Math.max(0, Math.min(1, x))
    const { ic, ifsw, ifr } = this
    const pc = ic >= 0 ? p[ic]! : null
    if (ic >= 0) e[ic] = pc === null ? undefined : r() < pc
    if (ifsw >= 0) {
      const pf = p[ifsw]!
      // Every candidate is eligible for a program: not CEC means FSW (FST is not steered).
      if (pf === null) e[ifsw] = undefined
      else if (pc === null) e[ifsw] = r() < pf
      else e[ifsw] = !e[ic] || r() < clamp(pc > 0 ? (pf - (1 - pc)) / pc : 1)
    }
    if (ifr >= 0) {
      const pr = p[ifr]!
      e[ifr] = pr === null ? undefined : r() < pr
    }
    const occ = this.occ
    for (const i of occ) if (p[i] === null) e[i] = undefined
    if (occ.length > 0) {
      // At most one category's occupation; a category whose list holds another's is eligible with it.
      // (Summed in the same order as ever: the same floating-point sums, so the same draw.)
      const alone = this.alone
      let sum = 0
      for (let k = 0; k < occ.length; k++) {
        let held = 0
        for (const j of this.impliedBy[k]!) held += p[j] ?? 0
        alone[k] = Math.max(0, (p[occ[k]!] ?? 0) - held)
        sum += alone[k]!
      }
      let x = r() * Math.max(1, sum)
      for (let k = 0; k < occ.length; k++) {
        if ((x -= alone[k]!) < 0) {
          for (const j of this.implied[occ[k]!]!) if (e[j] !== undefined) e[j] = true
          break
        }
      }
    }
    return e
  }

  /**
   * What the next drawn profile should be eligible for: a bin by its remaining room, then each type with
   * the mix's share there, pushed towards what the group's deficit needs.
   */
  steer(quotas: readonly number[], r: () => number, free: boolean): Steer {
    let left = 0
    for (const q of quotas) left += Math.max(0, q)
    let x = r() * left
    let b = 0
    while (b < quotas.length - 1 && (x -= Math.max(0, quotas[b]!)) >= 0) b++
    const bin = this.bins[b]!
    // Above 600, the score aimed at is a nominee's: a base score plus the nomination's 600.
    const lo = bin.min > 600 ? bin.min - 600 : bin.min
    const hi = bin.min > 600 ? bin.max - 600 : bin.max
    // Half the time, a tier that scores near the bin aimed at: the steered facts move the score (a year
    // in Canada, French), and a low or high bin needing a mix the usual draw rarely puts there would
    // otherwise wait long.
    const tier = hi <= TIER_WEAK_BELOW && r() < 0.5 ? 'weak' : lo >= TIER_STRONG_FROM && r() < 0.5 ? 'strong' : undefined
    // Out of patience (the last of the bins, out of the maker's usual reach): the mix left to chance.
    if (free) return tier ? { tier, avoid: NO_OCCUPATIONS, minTeer: 0, maxTeer: 5 } : FREE
    const at = Math.round(bin.max - (bin.max - bin.min) / 4)
    const p = this.wanted
    for (let i = 0; i < p.length; i++) {
      const share = this.share(i, at)
      p[i] = share === null ? null : share - this.deficit[i]![this.groupAt[i]![at]!]! / 2
    }
    const e = this.draw(p, r)
    const occ = this.occ
    // The first category eligible with no other eligible beside those it implies; and the categories
    // the mix can't tell of here (neither sought nor avoided), as bits in `occ` order.
    let pick: number | undefined
    let unknown = 0
    for (let k = 0; k < occ.length; k++) {
      const i = occ[k]!
      if (e[i] === undefined) unknown |= 1 << k
      if (pick === undefined && e[i] === true && this.conflicts[k]!.every((j) => e[j] !== true)) pick = i
    }
    const cec = this.ic >= 0 ? e[this.ic] : undefined
    const fsw = this.ifsw >= 0 ? e[this.ifsw] : undefined
    const skilled = cec === true || fsw !== undefined
    const maxTeer = skilled ? 3 : 5
    const { avoid, nocs } = this.occupations(pick, 0, maxTeer, unknown)
    const t = pick === undefined ? undefined : this.types[pick]!
    // Without Canadian work, only the strong tier reaches a high bin (the applicant model rarely scores
    // over 500 without it): always that tier there, not half the time.
    const tierNow = cec === false && lo >= TIER_STRONG_FROM ? 'strong' : tier
    const french = this.ifr >= 0 ? e[this.ifr] : undefined
    const steer: { -readonly [K in keyof Steer]: Steer[K] } = { avoid, minTeer: 0, maxTeer }
    if (tierNow) steer.tier = tierNow
    if (cec !== undefined) steer.cec = cec
    if (fsw !== undefined) steer.fsw = fsw
    if (french !== undefined) steer.french = french
    if (t) {
      steer.nocs = nocs!
      steer.categoryMonths = t.months!
      steer.categoryInCanada = t.inCanada!
    }
    return steer
  }

  private readonly occupationCache = new Map<string, { avoid: ReadonlySet<string>; nocs: readonly string[] | undefined }>()

  /**
   * The occupations to draw from for a target category (`pick`, or none) and TEER range, and those to
   * avoid; `unknown`: the categories the mix can't tell of, as bits in `occ` order.
   */
  private occupations(pick: number | undefined, minTeer: number, maxTeer: number, unknown: number): { avoid: ReadonlySet<string>; nocs: readonly string[] | undefined } {
    const key = `${pick ?? -1}/${minTeer}/${maxTeer}/${unknown}`
    let hit = this.occupationCache.get(key)
    if (hit) return hit
    const avoid = new Set<string>()
    const implied = pick === undefined ? [] : this.implied[pick]!
    this.occ.forEach((i, k) => {
      if (!implied.includes(i) && (unknown & (1 << k)) === 0) for (const c of this.types[i]!.list!) avoid.add(c)
    })
    let nocs: string[] | undefined
    if (pick !== undefined) {
      const own = this.own[pick]!
      const fit = own.filter((c) => !avoid.has(c) && teerOf(c) >= minTeer && teerOf(c) <= maxTeer)
      nocs = fit.length > 0 ? fit : own
      for (const c of nocs) avoid.delete(c)
    }
    hit = { avoid, nocs }
    this.occupationCache.set(key, hit)
    return hit
  }

  /**
   * The steered types a profile is eligible for on `like` (can't tell is not eligible): from the pool's
   * own answer when it has one (`evaluate`: the checks eligibility() runs, without building messages;
   * test/pool/eligibility.test.ts holds them equal), else from eligibility() by eligibilityByType.
   */
  eligibleOf(profile: Profile, like: IsoDate, pool: PoolEligibility): boolean[] {
    if (pool.evaluate) {
      const { programs, categories } = pool.evaluate(profile, like)
      const types = new Set<RoundTypeKey>(categories.map((id) => `category:${categoryById(id)?.key}`))
      if (programs & PROGRAM_BIT.cec) types.add('program:cec')
      if (programs & PROGRAM_BIT.fsw) types.add('program:fsw')
      return this.keys.map((t) => types.has(t))
    }
    const byType = eligibilityByType(eligibilityOn(profile, like))
    return this.keys.map((t) => byType.get(t) === true)
  }

  /** Whether keeping a profile with this score and eligibility holds every deficit of its group within MIX_SLACK (or brings it closer to 0). */
  fits(score: number, e: readonly boolean[]): boolean {
    for (let i = 0; i < e.length; i++) {
      const share = this.share(i, score)
      if (share === null) continue
      const d = this.deficit[i]![this.groupAt[i]![score]!]!
      const next = d + (e[i] ? 1 : 0) - share
      if (Math.abs(next) > MIX_SLACK && Math.abs(next) > Math.abs(d)) return false
    }
    return true
  }

  take(score: number, e: readonly boolean[]): void {
    for (let i = 0; i < e.length; i++) {
      const share = this.share(i, score)
      if (share !== null) this.deficit[i]![this.groupAt[i]![score]!]! += (e[i] ? 1 : 0) - share
    }
  }
}

/**
 * The pool model's mix in the pool the generator imitates: the published snapshot nearest `like`, with
 * the rounds held before its day (rounds on or after it have not yet taken anyone out of it).
 */
export function mixLike(target: Target): PoolMix {
  return poolMix(loadRounds(), target.asOf, { snapshot: target })
}

export interface GenerateOptions {
  readonly size: number
  readonly seed: number
  readonly like: IsoDate
  readonly eligibility: PoolEligibility
  /** Give up filling the quotas after this many draws per profile (then any eligible profile goes). */
  readonly maxDrawsPerProfile?: number
  /** The shape inside the published bands (default `published`). */
  readonly shape?: PoolShape
  /** Shape `model`: the mix to follow (default: the pool model's on `like`, from the shipped record). */
  readonly mix?: PoolMix
  /**
   * The latest submission, an instant (default: the end of `like`). The year of submissions ends there
   * when it is earlier: a pool made like today is submitted by now, since no profile enters the pool
   * before it is submitted (the import refuses one submitted after now).
   */
  readonly submittedBy?: string
}

export interface GeneratedProfile {
  readonly profile: Profile
  /** CRS on the `like` date. */
  readonly score: number
}

/** The pool, lazily, in id (= submission) order; a `like` day it cannot imitate is refused at the call, before any profile. */
export function generatePool(options: GenerateOptions): Generator<GeneratedProfile, void, undefined> {
  // Profiles are submitted over the year before `like`, and none was before Express Entry opened.
  if (addDays(options.like, -364) < EXPRESS_ENTRY_LAUNCH) {
    throw new ExpressEntryError('invalid_input', { issues: [{ path: 'like', value: options.like, message: `profiles are submitted over the year before it, and Express Entry opened on ${EXPRESS_ENTRY_LAUNCH}: give a day from ${addDays(EXPRESS_ENTRY_LAUNCH, 364)}` }] })
  }
  return profilesLike(options)
}

function* profilesLike(options: GenerateOptions): Generator<GeneratedProfile, void, undefined> {
  const { size, seed, like, eligibility } = options
  const m = new Maker(prng(seed))
  const shape = options.shape ?? 'published'
  const bins = binsOf(shape)
  const target = targetFor(like)
  const quotas = quotasFor(target.distribution, size, shape)
  // Shape `model`: programs and categories too follow the pool model (its mix on `like`).
  let plan: MixPlan | null = null
  if (shape === 'model') {
    const mix = options.mix ?? mixLike(target)
    plan = new MixPlan(steeredTypes(mix, like), mix, bins)
  }
  const topBins = bins.filter((b) => b.min > 600).length
  const rangeIndex = (score: number) => binIndex(bins, score)
  const maxDraws = (options.maxDrawsPerProfile ?? 200) * size
  const year = 365 * 86_400 - 1
  const endOfLike = (toDayNumber(like) + 1) * 86_400 - 1
  const submittedBy = options.submittedBy === undefined ? endOfLike : Math.floor(Date.parse(options.submittedBy) / 1000)
  if (Number.isNaN(submittedBy)) throw new RangeError(`submittedBy: not an instant (${options.submittedBy})`)
  const start = Math.min(endOfLike, submittedBy) - year
  const slot = year / Math.max(1, size)
  const width = String(size).length
  let draws = 0
  for (let i = 0; i < size; i++) {
    // Distinct seconds: slot i of the year to `like` (or to submittedBy), at a random second within it.
    const second = Math.floor(start + i * slot + m.r() * Math.max(0, slot - 1))
    const submittedAt = instantOfMs(second * 1000)
    const id = `g${seed}-${String(i + 1).padStart(width, '0')}`
    let tries = 0
    let ineligible = 0
    for (;;) {
      draws++
      tries++
      let profile = makeProfile(m, id, submittedAt, like, plan?.steer(quotas, m.r, tries > MIX_PATIENCE))
      if (!eligibility.isEligibleForAnyProgram(profile, submittedAt.slice(0, 10))) {
        if (++ineligible > INELIGIBLE_PATIENCE) {
          const message = `no profile made like ${like} and submitted at ${submittedAt} is eligible for a program on its submission day (${INELIGIBLE_PATIENCE.toLocaleString('en-US')} drawn): its facts would be dated after it was submitted; choose a day closer to the submissions`
          throw new ExpressEntryError('invalid_input', { issues: [{ path: 'like', value: like, message }] })
        }
        continue
      }
      let score = scoreCrs(factorsOf(profile, like), like).total
      let range = rangeIndex(score)
      if (quotas[range]! <= 0 && score <= 600 && quotas.slice(0, topBins).some((q) => q > 0)) {
        // Nominees make up almost all of 601+: nominate this one between submission and `like`.
        const nominated: Profile = { ...profile, provincialNomination: { province: m.pick(['ON', 'BC', 'AB', 'SK', 'MB', 'NS']), nominatedOn: m.day(submittedAt.slice(0, 10), like) } }
        const s = scoreCrs(factorsOf(nominated, like), like).total
        if (s > 600 && quotas[rangeIndex(s)]! > 0) {
          profile = nominated
          score = s
          range = rangeIndex(s)
        }
      }
      if (quotas[range]! > 0 || draws > maxDraws) {
        if (plan && quotas[range]! > 0) {
          const e = plan.eligibleOf(profile, like, eligibility)
          if (!plan.fits(score, e) && tries <= MIX_PATIENCE && draws <= maxDraws) continue
          plan.take(score, e)
        }
        quotas[range]!--
        yield { profile, score }
        break
      }
    }
  }
}
