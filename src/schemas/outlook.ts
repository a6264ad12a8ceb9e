/**
 * The outlook's answer (CLI `outlook --json`, `POST /v1/outlook`) as a zod schema, for the OpenAPI
 * document and the contract test. The library's types (usecases/outlook.ts Outlook, history/outlook.ts,
 * history/invited.ts, history/unlock.ts) are interfaces; `OutlookMatchesSchema` below fails to compile
 * when this schema and those types differ by a field, an optional mark, a nullable or a word of an enum.
 * @module
 */
import { z } from 'zod'
import { isoDate, ROUND_TYPES } from './common.js'
import type { Outlook } from '../usecases/outlook.js'
import type { SameType } from './same-type.js'

const score = z.int().describe('CRS score')
const params = z.record(z.string(), z.union([z.string(), z.number()]))

const whatIfChange = z.object({
  code: z.enum(['first-language-ability', 'first-language-all', 'education', 'french-nclc-7', 'english-clb-5', 'canadian-work-year', 'spouse-language', 'swap-applicant-and-spouse', 'provincial-nomination']),
  field: z.string().describe('the factor changed, e.g. firstLanguage.clb.speaking'),
  description: z.string(),
  from: z.union([z.string(), z.number()]).nullable().describe('the value now (a CLB level, an education level, a count of years; null: none)'),
  to: z.union([z.string(), z.number()]),
  gain: z.int().describe('CRS points the change adds on asOf'),
  score: score.describe('the CRS score with the change'),
  accruesOn: isoDate.nullable().optional().describe('canadian-work-year for a Profile: the day the year accrues as the Canadian jobs entered go on (null: not with the work entered, within 3 years)'),
  note: z.string().optional(),
})

const whatIfResult = z
  .object({ asOf: isoDate, score, changes: z.array(whatIfChange).describe('changes that raise the score, biggest gain first'), notes: z.array(z.string()).describe('what could not be assessed, and why') })
  .describe('the changes that raise the CRS score most on asOf')

const unlock = z.object({
  target: z.string().describe('fsw, cec, fst, or a category version id (e.g. french-2026-2)'),
  code: z.enum(['second-language-test', 'first-language-test', 'spouse-language-test', 'eca', 'settlement-funds', 'waiting']),
  params: params.describe("the change's values: language, clb (all four abilities), amount, gridFrom/gridTo for FSW"),
  on: isoDate.describe('the day it would be eligible: asOf for a change made now, a later day when waiting'),
  crsGain: z.int().describe('CRS points the change adds on its day (0 when waiting)'),
})

const timeline = z
  .object({
    asOf: isoDate,
    until: isoDate,
    score,
    changes: z.array(z.object({ date: isoDate, score, change: z.int().describe('points gained (negative: lost) that day'), reasons: z.array(z.string()) })).describe('each day within years after asOf the score changes'),
    notes: z.array(z.string()),
  })
  .describe('the score on each coming day it changes (birthdays, work accruing, results and ECAs expiring, rule changes)')

const cutoff = z
  .object({
    distributionAsOf: isoDate.nullable().describe('the day of the latest pool distribution IRCC published on or before asOf (null: none)'),
    fromRound: z.string().nullable().describe('the round it was published with'),
    backtest: z
      .object({ rounds: z.int(), meanAbsoluteError: z.number(), meanError: z.number(), maxAbsoluteError: z.number(), within10: z.number().describe('share of rounds estimated within 10 points') })
      .describe('the estimate measured on past general rounds'),
    estimates: z.array(
      z.object({
        size: z.int().describe('round size asked for (?size)'),
        lowestScore: z.int().describe('estimated lowest score invited'),
        range: z.string().describe('the published range it falls in'),
        score,
        reaches: z.boolean().describe('score >= lowestScore'),
      }),
    ),
  })
  .describe('the cut-off of rounds of N invitations estimated from the latest published distribution')

const roundRef = z.object({ number: z.string(), date: isoDate }).nullable()
const typeCount = z.object({ rounds: z.int(), invited: z.int(), unknown: z.int() })

const pastRoundCheck = z.object({
  number: z.string(),
  date: isoDate,
  label: z.string(),
  type: z.enum(ROUND_TYPES),
  lowestScore: z.int(),
  tieBreakCutoff: z.string().nullable(),
  score: score.describe("the candidate's CRS score on the round's date"),
  eligible: z.boolean().nullable().describe("eligible for the round's program or category on its date; null: can't tell, or not needed (below the cut-off), or CrsFactors"),
  outcome: z.enum(['invited', 'below-cutoff', 'lost-tie-break', 'not-eligible', 'unknown']).describe("unknown: can't tell (eligibility, or a tie at the cut-off), the reason says why"),
  reason: z.string(),
})

const pastInvitations = z
  .object({
    rounds: z.array(pastRoundCheck).describe('every past round on or before asOf, oldest first'),
    summary: z.object({
      rounds: z.int(),
      invited: z.int(),
      unknown: z.int(),
      firstInvited: roundRef,
      lastInvited: roundRef,
      byType: z.object({ general: typeCount, program: typeCount, category: typeCount }),
    }),
    notes: z.array(z.string()),
  })
  .describe('would the candidate have been invited in each past round')

/** The outlook: `POST /v1/outlook` and `outlook --json`. */
export const outlookSchema = z
  .object({
    asOf: isoDate,
    input: z.enum(['profile', 'factors']),
    score,
    whatIf: whatIfResult,
    unlocks: z.array(unlock).nullable().describe('the smallest changes that would open a program or category (a Profile only; null for CrsFactors)'),
    timeline,
    cutoff,
    pastRounds: pastInvitations,
  })
  .describe('Outlook: what raises the score, when it changes, the estimated cut-off of a round, and the past rounds that would have invited')

/** True when the schema's output is the library's Outlook; `false` fails to compile below. */
export type OutlookMatchesSchema = SameType<Outlook, z.output<typeof outlookSchema>>
const outlookMatchesSchema: OutlookMatchesSchema = true
void outlookMatchesSchema
