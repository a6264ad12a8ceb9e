/**
 * An unmet (or undecided) condition of eligibility (eligibility/types.ts UnmetCondition) as a zod schema,
 * for the published EligibilityResult and the forecast's notices: its code from the library's own list
 * (UNMET_CODES), so a client can switch on it. `UnmetMatchesSchema` fails to compile when they differ.
 * @module
 */
import { z } from 'zod'
import { UNMET_CODES, type UnmetCondition } from '../eligibility/types.js'
import type { SameType } from './same-type.js'

export const unmetConditionSchema = z.object({
  code: z.enum(UNMET_CODES).describe('what is not met (or cannot be decided); the message words it in English, params give its values'),
  message: z.string(),
  source: z.object({ ruleId: z.string(), title: z.string(), pinpoint: z.string(), url: z.string() }).describe("the rule, and the instrument and place it cites"),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional().describe('the message\'s values (numbers, dates, NOC codes), so a surface can word it in another language'),
})

const unmetMatches: SameType<UnmetCondition, z.output<typeof unmetConditionSchema>> = true
void unmetMatches
