/**
 * The forecast's reasons and notes as the web app words them (web/src/forecast/view.ts noticeText),
 * in English and French, from the codes and values the library gives: every case here is one the
 * library answers (test/forecast/forecast.test.ts), worded with its values, none left in the other
 * language.
 */
import { afterAll, describe, expect, it, vi } from 'vitest'
import type { ForecastNotice } from '../../src/forecast/forecast.js'
import type { UnmetCondition } from '../../src/eligibility/types.js'
import { problems } from './french-typography.js'

type View = typeof import('../../web/src/forecast/view.js')

async function viewIn(lang: 'en' | 'fr'): Promise<View> {
  vi.resetModules()
  vi.stubGlobal('location', { search: `?lang=${lang}`, href: `http://localhost/forecast?lang=${lang}` })
  vi.stubGlobal('document', { documentElement: {} })
  vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined })
  return import('../../web/src/forecast/view.js')
}
afterAll(() => vi.unstubAllGlobals())

const unmetCec: UnmetCondition = { code: 'no_language_result' as const, message: 'CEC needs a valid English (first official language) test result less than 2 years old on 2027-08-02', params: { program: 'cec', language: 'english', asOf: '2027-08-02' }, source: { ruleId: 'programs.cec', title: 'IRPR', pinpoint: 's. 87.1(2)', url: 'https://laws-lois.justice.gc.ca/eng/regulations/SOR-2002-227/' } }
const cases: readonly { notice: ForecastNotice; en: RegExp; fr: RegExp }[] = [
  {
    // A record with no round at all: neither a last nor a first round to name.
    notice: { code: 'no_recent_rounds', message: '', params: { lastRound: '', firstRound: '' } },
    en: /^The record holds no round: it gives nothing to forecast from\. Refresh it from IRCC’s feed\.$/,
    fr: /^Le relevé ne contient aucune ronde\u00a0: il ne permet aucune prévision\. Mettez-le à jour depuis le flux d’IRCC\.$/,
  },
  {
    notice: { code: 'eligibility_ends', message: '', params: { date: '2027-08-02', types: 'program:cec', reopens: '' }, unmet: [unmetCec] },
    en: /^Round types open to you through August\u00a01,\u00a02027: Canadian Experience Class\. From August\u00a02,\u00a02027 you are open to none of the round types held in the past year, so no invitation is counted after it\. CEC needs a valid English test result/,
    fr: /^Rondes auxquelles vous êtes admissible jusqu’au 1er\u00a0août\u00a02027\u00a0: Catégorie de l’expérience canadienne\. À partir du 2\u00a0août\u00a02027, vous n’êtes admissible à aucun .* La CEC exige un résultat valide/,
  },
  {
    notice: { code: 'eligibility_ends', message: '', params: { date: '2026-05-01', types: 'program:cec', reopens: '2026-07-15' } },
    en: /^Round types open to you through April\u00a030,\u00a02026: Canadian Experience Class\. From May\u00a01,\u00a02026 to July\u00a015,\u00a02026 you are open to none .* on those days\.$/,
    fr: /^Rondes auxquelles vous êtes admissible jusqu’au 30\u00a0avril\u00a02026\u00a0: Catégorie de l’expérience canadienne\. Du 1er\u00a0mai\u00a02026 au 15\u00a0juillet\u00a02026, .* ces jours-là\.$/,
  },
  {
    notice: { code: 'no_round_within_horizon', message: '', params: { days: 1, types: 'program:cec', within365: 0.42 } },
    en: /^No round likely to invite you is expected within 1 day \(Canadian Experience Class may, later\); within 365 days the chance is 42%\.$/,
    fr: /^Aucune ronde susceptible de vous inviter n’est attendue d’ici 1\u00a0jour \(Catégorie de l’expérience canadienne\u00a0: plus tard, peut-être\)\u202f; d’ici 365\u00a0jours, la probabilité est de 42\u00a0%\.$/,
  },
  {
    notice: { code: 'below_expected_cutoffs', message: '', params: { score: 484, date: '2026-12-29' } },
    en: /^Once open to you, on December\u00a029,\u00a02026, your score of 484 is below the cut-offs expected for those rounds\.$/,
    fr: /^Une fois ces rondes accessibles, le 29\u00a0décembre\u00a02026, votre note de 484 est sous leurs notes de passage prévues\.$/,
  },
  {
    notice: { code: 'no_recent_rounds', message: '', params: { lastRound: '', firstRound: '2015-01-31' } },
    en: /^The record holds no round before this day \(its first: January\u00a031,\u00a02015\): it gives nothing to forecast from\.$/,
    fr: /^Le relevé ne contient aucune ronde avant ce jour \(sa première\u00a0: 31\u00a0janvier\u00a02015\)\u00a0: il ne permet aucune prévision\.$/,
  },
  {
    notice: { code: 'score_changes', message: '', params: { days: 365, dates: '2027-03-22,2027-04-18', scores: '552,547' } },
    en: /^Your score as the forecast follows it over the next 365 days, each change counted from its day: 552 from March\u00a022,\u00a02027, 547 from April\u00a018,\u00a02027\.$/,
    fr: /^Votre note telle que la prévision la suit sur les 365\u00a0prochains jours, chaque changement compté à partir de son jour\u00a0: 552 à partir du 22\u00a0mars\u00a02027, 547 à partir du 18\u00a0avril\u00a02027\.$/,
  },
  {
    notice: { code: 'program_rounds_not_held', message: '', params: { programs: 'fsw', lastRound: '2024-04-23' } },
    en: /^On this day you are eligible for Federal Skilled Worker, but no round open to you through it \(a general round, or one of the program itself\) was held in the year before it \(the last: April\u00a023,\u00a02024\)/,
    fr: /^Ce jour-là, vous êtes admissible\u00a0: Programme des travailleurs qualifiés \(fédéral\)\. Mais aucune ronde générale, .*\(la dernière\u00a0: 23\u00a0avril\u00a02024\)/,
  },
  {
    notice: { code: 'category_unmet', message: '', params: { category: 'category:military' }, unmet: [{ code: 'canadian_armed_forces_offer_missing', message: '', params: {}, source: unmetCec.source }] },
    en: /^Skilled military recruits: Needs a job offer from the Canadian Armed Forces/,
    fr: /^Recrues militaires qualifiées\u00a0: Exige une offre d’emploi des Forces armées canadiennes/,
  },
]

describe('the forecast notices in the web app', () => {
  it.each(cases)('$notice.code $notice.params', async ({ notice, en, fr }) => {
    expect((await viewIn('en')).noticeText(notice)).toMatch(en)
    const french = (await viewIn('fr')).noticeText(notice)
    expect(french).toMatch(fr)
    expect(problems(french)).toEqual([])
  })

  it.each([
    [1, '1 day', '1\u00a0jour'],
    [2, '2 days', '2\u00a0jours'],
    [90, '90 days', '90\u00a0jours'],
  ] as const)('a horizon of %i reads "%s" / "%s"', async (days, en, fr) => {
    expect((await viewIn('en')).period(days)).toBe(en)
    expect((await viewIn('fr')).period(days)).toBe(fr)
  })
})

describe('the track record’s calibration bands', () => {
  // The server gives "0-10%"; the French page read "Quand elle annonçait 0-10%," beside "1 %".
  it.each([
    ['0-10%', '0-10%', '0-10\u00a0%'],
    ['90-100%', '90-100%', '90-100\u00a0%'],
    ['odd', 'odd', 'odd'],
  ] as const)('%s reads "%s" / "%s"', async (band, en, fr) => {
    expect((await viewIn('en')).bandText(band)).toBe(en)
    const french = (await viewIn('fr')).bandText(band)
    expect(french).toBe(fr)
    expect(problems(`Quand elle annonçait ${french}, l’invitation est venue 1\u00a0% du temps.`)).toEqual([])
  })
})

describe('a request that got no answer (offline, the server down)', () => {
  // The pages showed the browser's "TypeError: Failed to fetch", in English on a French page, with nothing to do.
  it.each([
    [new TypeError('Failed to fetch'), 'no answer from the server; check your connection, then try again', 'aucune réponse du serveur\u202f; vérifiez votre connexion, puis réessayez'],
    [new TypeError('Failed to fetch dynamically imported module: http://localhost/assets/forecast-B2fwIhFf.js'), 'no answer from the server; check your connection, then try again', 'aucune réponse du serveur\u202f; vérifiez votre connexion, puis réessayez'],
    [new TypeError('Load failed'), 'no answer from the server; check your connection, then try again', 'aucune réponse du serveur\u202f; vérifiez votre connexion, puis réessayez'],
    // Any other error keeps its own words: a bug is not said to be the network.
    [new TypeError('x is undefined'), 'x is undefined', 'x is undefined'],
    [new Error('HTTP 500'), 'HTTP 500', 'HTTP 500'],
  ] as const)('%s', async (error, en, fr) => {
    await viewIn('en')
    expect((await import('../../web/src/i18n.js')).failureReason(error)).toBe(en)
    await viewIn('fr')
    const i18n = await import('../../web/src/i18n.js')
    expect(i18n.failureReason(error)).toBe(fr)
    expect(problems(i18n.failureText(error))).toEqual([])
  })
})
