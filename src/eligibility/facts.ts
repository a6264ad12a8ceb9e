/**
 * What the eligibility checks share: the facts of a profile on a date (src/facts, the one derivation
 * every path reads) and how a check reports an unmet condition with its source.
 * @module
 */
import type { Rule, RuleVersion } from '../rules/rule.js'
import type { UnmetCode, UnmetCondition, UnmetSource } from './types.js'

export { bestResult, countingCredentials, lowestAbility, meetsAll, ProfileFacts as Facts, validityOn, type OccupationWork } from '../facts/profile-facts.js'

const sourceCache = new WeakMap<RuleVersion<unknown>, UnmetSource[]>()

/** The source of a condition: the rule version's citation number `index` (the first by default). */
export function sourceOf(rule: Rule<unknown>, version: RuleVersion<unknown>, index = 0): UnmetSource {
  let sources = sourceCache.get(version)
  if (sources === undefined) {
    sources = version.sources.map((c) => Object.freeze({ ruleId: rule.id, title: c.title, pinpoint: c.pinpoint, url: c.url }))
    sourceCache.set(version, sources)
  }
  return sources[index] ?? sources[0]!
}

/** Adds an unmet condition to `out`. */
export function unmet(out: UnmetCondition[], code: UnmetCode, message: string, source: UnmetSource): void {
  out.push({ code, message, source })
}
