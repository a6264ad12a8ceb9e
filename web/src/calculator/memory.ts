/**
 * The calculator remembers the candidate's answers on this device (localStorage; never sent anywhere)
 * and, on a later visit, restores them and lists the rounds published since, each with "would have
 * invited you" or not (the library's judgement for CrsFactors: a general round on the score alone; a
 * program or category round whose cut-off the score reaches cannot be told without a Profile).
 * Only a date goes to the server (GET /v1/rounds?from=...), never the answers.
 * @module
 */
import { h } from '../dom.js'
import { lang } from '../i18n.js'
import { pastInvitations } from '../../../src/history/invited.js'
import { compareRoundNumbers, type PastRound } from '../../../src/history/record.js'
import { crsFactorsSchema } from '../../../src/schemas/crs-factors.js'

export const STORAGE_KEY = 'ee.calculator.answers.v1'

interface Saved {
  readonly factors: unknown
  /** The day the answers were last scored on this device. */
  readonly savedOn: string
  /** The last round of the record then, when known, and its date. */
  readonly lastRound: string | null
  readonly lastRoundDate?: string | null
}

const today = (): string => new Date().toISOString().slice(0, 10)

function read(): Saved | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY)
    if (!raw) return null
    const saved = JSON.parse(raw) as Saved
    return typeof saved === 'object' && saved !== null && typeof saved.savedOn === 'string' ? saved : null
  } catch {
    return null
  }
}

function write(saved: Saved): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(saved))
  } catch {
    // Storage full or disabled: the calculator works without memory.
  }
}

type Last = { number: string; date: string } | null
let lastRoundNow: Promise<Last> | null = null
/** The last round of the server's record (asked once per page; only a date is sent). */
function lastRound(): Promise<Last> {
  lastRoundNow ??= fetch(`/v1/rounds?from=${today()}`, { headers: { accept: 'application/json' } })
    .then(async (res) => (res.ok ? (((await res.json()) as { record?: { lastRound: Last } }).record?.lastRound ?? null) : null))
    .catch(() => null)
  return lastRoundNow
}

/** Remembers answers just scored (keeping the last round seen, so the next visit knows what is new). */
export function remember(factors: unknown): void {
  const keep = read()
  void lastRound().then((last) => {
    // Never move backwards (a stale server): the newest round this device has seen.
    const seen = keep?.lastRound && (!last || compareRoundNumbers(keep.lastRound, last.number) > 0) ? { number: keep.lastRound, date: keep.lastRoundDate ?? null } : last ? { number: last.number, date: last.date } : { number: null, date: null }
    write({ factors, savedOn: today(), lastRound: seen.number, lastRoundDate: seen.date })
  })
}

const words = {
  en: { title: (d: string) => `Rounds published since your last visit (${d})`, none: 'No round has been published since.', yes: 'would have invited you', no: 'would not have invited you', unknown: 'can’t tell', kept: 'Your answers are kept on this device only.' },
  fr: { title: (d: string) => `Rondes publiées depuis votre dernière visite (${d})`, none: 'Aucune ronde publiée depuis.', yes: 'vous aurait invité', no: 'ne vous aurait pas invité', unknown: 'impossible à dire', kept: 'Vos réponses restent sur cet appareil.' },
}

/** Lists the rounds published since `saved`, each judged for the saved answers. */
async function showRoundsSince(saved: Saved): Promise<void> {
  const w = words[lang]
  const parsed = crsFactorsSchema.safeParse(saved.factors)
  if (!parsed.success) return
  let rounds: PastRound[]
  try {
    const res = await fetch(`/v1/rounds?from=${saved.lastRoundDate ?? saved.savedOn}`, { headers: { accept: 'application/json' } })
    if (!res.ok) return
    rounds = ((await res.json()) as { rounds: PastRound[] }).rounds
  } catch {
    return
  }
  const since = rounds.filter((r) => (saved.lastRound ? compareRoundNumbers(r.number, saved.lastRound) > 0 : r.date > saved.savedOn))
  const checks = pastInvitations({ kind: 'factors', factors: parsed.data }, since).rounds
  const items = checks.map((c) => {
    const verdict = c.outcome === 'invited' ? w.yes : c.outcome === 'unknown' ? w.unknown : w.no
    return h('li', { 'data-round': c.number, 'data-outcome': c.outcome }, `#${c.number} ${c.date} · ${c.label} · ${c.lowestScore}: `, h('strong', {}, verdict), ` (${c.reason})`)
  })
  const section = h('section', { 'aria-labelledby': 'since-title', 'data-testid': 'rounds-since' }, h('h2', { id: 'since-title' }, w.title(saved.savedOn)), items.length > 0 ? h('ul', {}, ...items) : h('p', {}, w.none), h('p', { class: 'hint' }, w.kept))
  const main = document.querySelector('main')
  if (main) main.append(section)
}

// Last, so that everything it uses is initialized. The answers at the last visit, restored into the URL the calculator opens with (only when it has none).
const previous: Saved | null = read()
if (previous && !new URLSearchParams(location.search).get('factors')) {
  const params = new URLSearchParams(location.search)
  params.set('factors', JSON.stringify(previous.factors))
  history.replaceState(null, '', `${location.pathname}?${params}`)
  void showRoundsSince(previous)
}
