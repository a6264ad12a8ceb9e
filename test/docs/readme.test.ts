/**
 * The README, read as a user reads it: each command it shows exists with the options it uses, each value
 * its examples print is what the code answers, and each figure of the forecast's track record is the one
 * in data/forecast-track-record.json. A change to the code or to the data that leaves the README behind
 * fails here; so does a README edit that no longer matches the code.
 */
import { readFileSync } from 'node:fs'
import { Command } from 'commander'
import { describe, expect, it } from 'vitest'
import * as library from '../../src/index.js'
import { registerEligibility } from '../../src/cli/commands/eligibility.js'
import { registerForecast } from '../../src/cli/commands/forecast.js'
import { registerInvitation } from '../../src/cli/commands/invitation.js'
import { registerInvitations } from '../../src/cli/commands/invitations.js'
import { registerNoc } from '../../src/cli/commands/noc.js'
import { registerOutlook } from '../../src/cli/commands/outlook.js'
import { registerPool } from '../../src/cli/commands/pool.js'
import { registerRound } from '../../src/cli/commands/round.js'
import { registerRounds } from '../../src/cli/commands/rounds.js'
import { registerRules } from '../../src/cli/commands/rules.js'
import { registerScore } from '../../src/cli/commands/score.js'
import { registerServe } from '../../src/cli/commands/serve.js'
import { registerStart } from '../../src/cli/commands/start.js'
import { registerWatch } from '../../src/cli/commands/watch.js'
import { eligibility, factorsOf, forecast, loadRounds, profileSchema, ruleById, scoreCrs } from '../../src/index.js'
import { findRound } from '../../src/history/index.js'
import { replayRounds } from '../../src/forecast/pool-model.js'

const root = new URL('../../', import.meta.url)
const readme = readFileSync(new URL('README.md', root), 'utf8')
const blocks = (lang: string): string[] => [...readme.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!)
const example = JSON.parse(readFileSync(new URL('examples/profile.json', root), 'utf8')) as unknown
const trackRecord = JSON.parse(readFileSync(new URL('data/forecast-track-record.json', root), 'utf8')) as {
  days: number
  profiles: number
  cases: number
  from: string
  to: string
  recordUntil: string
  brier: { model: number; lastCutoffRule: number; logisticMargin: number }
  brierRatio: number
  calibration: { band: string; meanPredicted: number; observed: number }[]
  cutoff: Record<string, { model: { meanAbsoluteError: number }; lastCutoff: { meanAbsoluteError: number } }>
}

/** The README text with its line breaks as spaces: a figure may sit across a line end. */
const prose = readme.replace(/\s*\n\s*/g, ' ')
/** The one capture of `pattern` in the README (it must be there). */
function quoted(pattern: RegExp): string {
  const m = prose.match(pattern)
  expect(m, String(pattern)).not.toBeNull()
  return m![1]!
}

describe('the README\'s commands exist, with the options it gives them', () => {
  const program = new Command()
  for (const register of [registerScore, registerEligibility, registerOutlook, registerForecast, registerNoc, registerRounds, registerRules, registerPool, registerRound, registerInvitations, registerInvitation, registerServe, registerStart, registerWatch]) register(program)

  /** Every `express-entry …` command line of the README's shell blocks, and the serve synopsis. */
  const lines = blocks('sh')
    .flatMap((b) => b.replace(/\\\n/g, ' ').split('\n'))
    .map((l) => l.replace(/\s#.*$/, ''))
    .flatMap((l) => [...l.matchAll(/(?:^|\|\s*|\s)express-entry\s+([^|<>]+)/g)].map((m) => m[1]!.trim()))
  const synopsis = quoted(/`express-entry (serve [^`]+)`/)

  it('a --db said to default to $EE_DB is one of the commands that read it (pool generate and serve do not)', () => {
    const all = (c: Command): Command[] => [c, ...c.commands.flatMap(all)]
    const said = all(program).flatMap((c) => c.options.filter((o) => o.long === '--db').map((o) => [c.name(), o.description] as const))
    expect(said.length).toBeGreaterThan(8)
    for (const [name, description] of said) {
      if (name === 'generate' || name === 'serve') expect(description, name).toMatch(/\$EE_DB is not read/)
      else expect(description, name).toMatch(/default: \$EE_DB/)
    }
  })

  it('the README shows the commands (this test reads them)', () => {
    expect(lines.length).toBeGreaterThanOrEqual(25)
  })

  /** The commands the README names as not shown in its examples. */
  const unshown = quoted(/also of those not shown below \(([^)]+)\)/).split(/,\s*/).map((c) => c.replace(/`/g, ''))

  it.each([...lines, synopsis, ...unshown])('express-entry %s', (line) => {
    const words = line.split(/\s+/)
    let command = program.commands.find((c) => c.name() === words[0])
    expect(command, `no command ${words[0]}`).toBeDefined()
    if (command!.commands.length > 0) {
      command = command!.commands.find((c) => c.name() === words[1])
      expect(command, `no command ${words[0]} ${words[1]}`).toBeDefined()
    }
    const known = new Set(command!.options.map((o) => o.long))
    const used = words.filter((w) => w.startsWith('--')).map((w) => w.replace(/[=\]].*$/, ''))
    expect(used.filter((o) => !known.has(o))).toEqual([])
  })
})

describe('the README\'s example outputs are what the code answers', () => {
  const rounds = loadRounds()

  it.each(['254', '447'])('rounds show %s: label, invitations, lowest score, tie-break', (n) => {
    const comment = quoted(new RegExp(`express-entry rounds show ${n} +# ([^\\n]+?) express-entry`))
    const r = findRound(rounds, n)!
    const label = r.label
    const [invited, lowest, tieBreak] = comment.slice(label.length).split(/, /).filter(Boolean).slice(-3)
    expect(comment.startsWith(label), `${comment} / ${label}`).toBe(true)
    expect([invited, lowest, tieBreak]).toEqual([r.size.toLocaleString('en-US'), String(r.lowestScore), `tie-break ${r.tieBreakCutoff}`])
  })

  it('the Library block imports every function it calls, and each is exported', () => {
    const code = blocks('ts').join('\n')
    const imported = quoted(/import \{ ([^}]+) \} from 'express-entry-engine'/).split(/,\s*/)
    const called = [...new Set([...code.matchAll(/(?:^|[\s(=])([a-z][A-Za-z]+)\(/gm)].map((m) => m[1]!))].filter((name) => name in library)
    expect(called.filter((name) => !imported.includes(name))).toEqual([])
    for (const name of imported) expect(name in library, name).toBe(true)
  })

  it('the Library block\'s values', () => {
    const result = scoreCrs({ age: 30, education: 'masters', foreignWorkYears: 3, firstLanguage: { language: 'english', clb: { speaking: 9, listening: 9, reading: 9, writing: 9 } } }, '2026-11-25')
    expect(quoted(/result\.total +\/\/ (\d+)/)).toBe(String(result.total))
    const t = result.transferability
    expect(quoted(/result\.transferability +\/\/ (\{[^}]+\})/)).toBe(`{ education: ${t.education}, foreignWork: ${t.foreignWork}, certificate: ${t.certificate}, subtotal: ${t.subtotal} }`)
    const trace = quoted(/result\.trace\[0\] +\/\/ (\{[^\n]+?\}) const/)
    const first = result.trace![0]!
    expect(trace).toContain(`ruleId: '${first.ruleId}'`)
    expect(trace).toContain(`versionFrom: '${first.versionFrom}'`)
    expect(trace).toContain(`line: '${first.line}'`)
    expect(trace).toContain(`points: ${first.points}`)
    expect(Object.keys(first)).toEqual(['ruleId', 'versionFrom', 'line', 'points', 'because', 'sources'])
    const profile = profileSchema.parse(example)
    expect(scoreCrs(factorsOf(profile, '2019-05-01'), '2019-05-01').asOf).toBe('2019-05-01')
    const notice = eligibility(profile, '2027-01-15').notices![0]!
    expect(quoted(/eligibility\(profile, '2027-01-15'\)\.notices +\/\/ \[\{ code: '([a-z_]+)'/)).toBe(notice.code)
    expect(quoted(/eligibility\(profile, '2027-01-15'\)\.notices +\/\/ \[\{ code: '[a-z_]+', lastVerified: '([0-9-]+)'/)).toBe(notice.lastVerified)
    const within = forecast({ kind: 'profile', profile }, rounds, { asOf: '2026-08-20' }).within['90']
    expect(quoted(/\.within\['90'\] +\/\/ ([0-9.]+)/)).toBe(String(within))
  })
})

describe('the README\'s forecast from a record that stops short, and its pool replay', () => {
  const rounds = loadRounds()

  it('from 2026-11-30 on the shipped record (whole to 2026-10-01): the note, and CEC\'s range against the day before', () => {
    const profile = profileSchema.parse(example)
    const short = forecast({ kind: 'profile', profile }, rounds, { asOf: '2026-11-30', recordCurrentTo: '2026-10-01' })
    const whole = forecast({ kind: 'profile', profile }, rounds, { asOf: '2026-11-30', recordCurrentTo: '2026-11-29' })
    const note = short.notes.find((n) => n.code === 'record_stops_short')!
    expect(quoted(/from 2026-11-30, "(the record holds IRCC's rounds to [^"]+? are not in it)"/)).toBe(note.message.slice(0, note.message.indexOf(' are not in it') + ' are not in it'.length))
    const range = (f: typeof short): string => {
      const cec = f.rounds.find((r) => r.type === 'program:cec')!.cutoff!
      return `${cec.p10}-${cec.p90}`
    }
    expect(quoted(/The CEC range there is (\d+-\d+), against \d+-\d+ on a record seen the day before/)).toBe(range(short))
    expect(quoted(/The CEC range there is \d+-\d+, against (\d+-\d+) on a record seen the day before/)).toBe(range(whole))
  })

  it('pool replay from 2023-01-01: rounds, and each group\'s mean absolute error and bias', () => {
    const last = rounds[rounds.length - 1]!.date
    const r = replayRounds(rounds, '2023-01-01', last, 1)
    // The replay's figures have two decimals (28.45); the README gives one, halves away from zero (28.5, -2.6).
    const one = (x: number): string => (Math.sign(x) * (Math.round(Math.abs(x) * 10 + 1e-9) / 10)).toFixed(1)
    const signed = (x: number): string => `${x > 0 ? '+' : ''}${one(x)}`
    const g = r.byGroup
    expect(quoted(/\(`express-entry pool replay`\): the (\d+) rounds from 2023-01-01/)).toBe(String(r.overall.rounds))
    expect(quoted(/(General rounds miss by [^;]+?); 16/)).toBe(
      `General rounds miss by ${one(g.general!.meanAbsoluteError)} points on average (bias ${signed(g.general!.meanError)}), CEC ${one(g.cec!.meanAbsoluteError)} (${signed(g.cec!.meanError)}), French ${one(g.french!.meanAbsoluteError)} (${signed(g.french!.meanError)}), PNP ${one(g.pnp!.meanAbsoluteError)} (${signed(g.pnp!.meanError)}) and the other categories ${one(g.category!.meanAbsoluteError)} (${signed(g.category!.meanError)}`,
    )
    expect(quoted(/\(\+?-?[0-9.]+; ([0-9.]+) leaving out each category's first round\)/)).toBe(one(r.byGroupAfterFirst.category!.meanAbsoluteError))
    expect(quoted(/first round\), all together ([0-9.]+):/)).toBe(one(r.overall.meanAbsoluteError))
  })
})

describe('the README\'s table of rule changes is the rules\' dated versions', () => {
  const rows = [...readme.matchAll(/^\| ([^|]+) \| ([^|]*\d{4}-\d{2}-\d{2}[^|]*) \| ([^|]+) \|$/gm)]
    .map((m) => ({ change: m[1]!.trim(), days: [...m[2]!.matchAll(/\d{4}-\d{2}-\d{2}/g)].map((d) => d[0]), ids: [...m[3]!.matchAll(/`([a-z.-]+)`/g)].map((i) => i[1]!) }))
    .filter((r) => r.ids.length > 0)

  it('the README has the table (this test reads it)', () => {
    expect(rows.length).toBeGreaterThanOrEqual(8)
  })

  it.each(rows)('$change: $days in $ids', ({ days, ids }) => {
    const versions = ids.flatMap((id) => {
      const rule = ruleById(id)
      expect(rule, id).toBeDefined()
      return rule!.versions.map((v) => v.from)
    })
    expect(days.filter((d) => !versions.includes(d))).toEqual([])
  })
})

describe('the README\'s track record is data/forecast-track-record.json', () => {
  const r = trackRecord
  const together = r.cutoff['general+cec+categories']!
  const groups = [
    ['general', 'general'],
    ['CEC', 'cec'],
    ['French', 'french'],
    ['the other categories', 'category'],
    ['PNP', 'pnp'],
  ] as const
  it.each<[string, RegExp, string]>([
    ['days', /\): (\d+) days a fortnight apart/, String(r.days)],
    ['span', /days a fortnight apart from (\S+ to \S+?),/, `${r.from} to ${r.to}`],
    ['profiles', /, (\d+) seeded profiles/, String(r.profiles)],
    ['forecasts', /([\d,]+) forecasts each scored/, r.cases.toLocaleString('en-US')],
    ['Brier, the forecast', /\| the forecast \| \*\*([0-9.]+)\*\*/, r.brier.model.toFixed(4)],
    ['ratio to the rule', /\*\* \(([0-9.]+) × the rule's/, r.brierRatio.toFixed(2)],
    ['Brier, the last-cut-off rule', /last cut-off of an open round type" \| ([0-9.]+) \|/, r.brier.lastCutoffRule.toFixed(4)],
    ['Brier, the logistic curve', /fitted on earlier days only\) \| ([0-9.]+) \|/, r.brier.logisticMargin.toFixed(4)],
    ['cut-off MAE, together', /misses by \*\*([0-9.]+)\*\* points/, together.model.meanAbsoluteError.toFixed(2)],
    ['cut-off MAE of the last cut-off, together', /together, against ([0-9.]+) for "the last cut-off/, together.lastCutoff.meanAbsoluteError.toFixed(2)],
    ['margin', /target met, by ([0-9.]+) points/, (together.lastCutoff.meanAbsoluteError - together.model.meanAbsoluteError).toFixed(2)],
    ...groups.map(([words, key]): [string, RegExp, string] => [`cut-off MAE, ${words}`, new RegExp(`${words} ([0-9.]+ against [0-9.]+)`), `${r.cutoff[key]!.model.meanAbsoluteError.toFixed(2)} against ${r.cutoff[key]!.lastCutoff.meanAbsoluteError.toFixed(2)}`]),
  ])('%s', (_name, pattern, value) => {
    expect(quoted(pattern)).toBe(value)
  })

  it('calibration: the farthest band, its predicted and observed shares', () => {
    const far = r.calibration.reduce((a, b) => (Math.abs(b.meanPredicted - b.observed) > Math.abs(a.meanPredicted - a.observed) ? b : a))
    const pct = (x: number): string => `${Math.round(x * 100)}%`
    expect(quoted(/the (\S+ band is the farthest: \S+ predicted, \S+ observed)/)).toBe(`${far.band} band is the farthest: ${pct(far.meanPredicted)} predicted, ${pct(far.observed)} observed`)
    expect(Math.max(...r.calibration.map((b) => Math.abs(b.meanPredicted - b.observed)))).toBeLessThanOrEqual(0.1)
  })
})
