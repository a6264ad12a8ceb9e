/**
 * Issue 5 target: "would I have been invited" over all 438 past rounds for 10,000 profiles in ≤ 2 s.
 * The profiles have dated facts spread over 2012-2026 (language tests renewed every two years, foreign
 * then Canadian work, ECAs, nominations, spouses), so most of them score within reach of real cut-offs
 * on many round dates and the eligibility engine is really asked.
 */
import { factorsOf, scoreCrs } from '../src/crs/index.js'
import { invitedRoundIndices, pastInvitations, planRounds, scoresOnPlanDates } from '../src/history/invited.js'
import { loadRounds } from '../src/history/load.js'
import { profileSchema, type Profile, type ProfileInput } from '../src/schemas/profile.js'
import { machine } from './harness.js'
import { rng } from './fixtures.js'

const PROFILES = 10_000
const TARGET_SECONDS = 2

function historyProfile(random: () => number, id: number): Profile {
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1))
  const day = (y: number) => `${y}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`
  const nocs = ['21231', '21211', '31301', '13110', '72310', '62200', '41200', '00012', '64100', '72410', '33102']
  const pick = <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)]!
  const firstTest = int(2015, 2024)
  const band = () => pick([6, 6.5, 7, 7.5, 8, 8.5, 9])
  const tests: NonNullable<ProfileInput['languageTests']> = []
  for (let y = firstTest; y <= 2026; y += 2) tests.push({ test: 'ielts-general', testDate: day(y), listening: band(), reading: band(), writing: pick([6, 6.5, 7, 7.5]), speaking: pick([6, 6.5, 7, 7.5]) })
  if (random() < 0.15) tests.push({ test: 'tef-canada', testDate: day(int(2020, 2026)), listening: int(280, 360), reading: int(230, 300), writing: int(330, 450), speaking: int(330, 450) })
  const abroadFrom = int(2008, 2018)
  const canadaFrom = abroadFrom + int(1, 7)
  const married = random() < 0.4
  const graduated = int(2006, 2019)
  const input: ProfileInput = {
    id: `h-${id}`,
    submittedAt: `${day(int(2015, 2026))}T12:00:00Z`,
    dateOfBirth: day(int(1975, 2001)),
    maritalStatus: married ? 'married' : 'single',
    spouse: married
      ? {
          accompanying: true, canadianCitizenOrPR: false, dateOfBirth: day(int(1978, 2001)),
          education: [{ level: 'bachelors', country: 'IN', programYears: 4, completedOn: day(graduated), eca: { organization: 'WES', issuedOn: day(int(2016, 2024)) } }],
          languageTests: [{ test: 'celpip-general' as const, testDate: day(int(2016, 2026)), listening: int(5, 10), reading: int(5, 10), writing: int(5, 9), speaking: int(5, 9) }],
          work: random() < 0.5 ? [{ noc: pick(nocs), country: 'CA', from: day(int(2016, 2024)), to: null, hoursPerWeek: 40 }] : [],
        }
      : null,
    education: [
      { level: pick(['bachelors', 'masters', 'doctoral', 'two-year'] as const), country: random() < 0.3 ? 'CA' : 'IN', programYears: 4, completedOn: day(graduated), eca: { organization: 'WES', issuedOn: day(int(Math.max(2012, graduated), 2025)) } },
    ],
    languageTests: tests,
    firstOfficialLanguage: 'english',
    work: [
      { noc: pick(nocs), country: 'IN', from: day(abroadFrom), to: day(Math.min(canadaFrom, 2025)), hoursPerWeek: 40 },
      ...(canadaFrom <= 2025 ? [{ noc: pick(nocs), country: 'CA', from: day(canadaFrom), to: null, hoursPerWeek: int(30, 45) }] : []),
    ],
    provincialNomination: random() < 0.08 ? { province: 'ON', nominatedOn: day(int(2016, 2026)) } : null,
    siblingInCanada: random() < 0.1,
    settlementFundsCad: 30_000,
  }
  // A Canadian credential has no ECA.
  for (const c of input.education ?? []) if (c.country === 'CA') c.eca = null
  return profileSchema.parse(input)
}

console.log(machine())
const rounds = loadRounds()
const random = rng(2026)
const profiles = Array.from({ length: PROFILES }, (_, i) => historyProfile(random, i))
const plan = planRounds(rounds)

// Warm up on other profiles so the timed run sees optimized code.
const warm = rng(7)
for (let i = 0; i < 500; i++) invitedRoundIndices(historyProfile(warm, i), plan)

const cpuStart = process.cpuUsage()
const start = process.hrtime.bigint()
let invitations = 0
let invitedSomewhere = 0
for (const p of profiles) {
  const invited = invitedRoundIndices(p, plan)
  invitations += invited.length
  if (invited.length > 0) invitedSomewhere++
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9
const cpu = process.cpuUsage(cpuStart)
const cpuSeconds = (cpu.user + cpu.system) / 1e6
console.log(`would-I-have-been-invited, ${PROFILES.toLocaleString('en')} profiles x ${rounds.length} rounds: ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU  (target ≤ ${TARGET_SECONDS} s: ${seconds <= TARGET_SECONDS ? 'met' : cpuSeconds <= TARGET_SECONDS ? 'met in CPU time; wall time includes waiting for a shared core' : 'NOT met'})`)
console.log(`  ${invitedSomewhere.toLocaleString('en')} profiles invited at least once; ${invitations.toLocaleString('en')} (profile, round) invitations`)

const scoreStart = process.cpuUsage()
for (const p of profiles) {
  const firstTest = p.languageTests.reduce<string | undefined>((a, t) => (a === undefined || t.testDate < a ? t.testDate : a), undefined)
  if (firstTest !== undefined) scoresOnPlanDates(p, plan, firstTest)
}
const scoreCpu = process.cpuUsage(scoreStart)
console.log(`  for comparison, scoring alone on every round date from each profile's first test (scoresOnPlanDates): ${((scoreCpu.user + scoreCpu.system) / 1e6).toFixed(2)} s CPU (the scan above skips the dates without a valid first-language result)`)

// The full per-round answer (score, eligibility, outcome and reason for all 438 rounds), as the CLI gives one user.
const sample = profiles.slice(0, 1000)
const fullStart = process.hrtime.bigint()
for (const p of sample) pastInvitations({ kind: 'profile', profile: p }, rounds, plan)
const fullMs = Number(process.hrtime.bigint() - fullStart) / 1e6 / sample.length
console.log(`full per-round report (438 rows with eligibility): ${fullMs.toFixed(2)} ms per profile`)

// The naive way, for comparison: factorsOf + scoreCrs on every round date.
const naiveSample = profiles.slice(0, 200)
const naiveStart = process.hrtime.bigint()
for (const p of naiveSample) for (const d of plan.dates) scoreCrs(factorsOf(p, d), d)
const naivePerProfile = Number(process.hrtime.bigint() - naiveStart) / 1e9 / naiveSample.length
console.log(`naive scoring alone (factorsOf + scoreCrs on ${plan.dates.length} dates): ${(naivePerProfile * PROFILES).toFixed(1)} s for ${PROFILES.toLocaleString('en')} profiles (extrapolated from ${naiveSample.length})`)
