/**
 * The words of checks.ts in the page's language: what is wrong next to a field, why a program or
 * category cannot be told, what is not counted yet, and the scale of a test on its date.
 * @module
 */
import { conversionFor, type DesignatedTest } from '../../../src/language/tests.js'
import type { TestConversion } from '../../../src/rules/language/shared.js'
import { tefCanadaTable } from '../../../src/rules/language/tef-canada.js'
import { isIsoDate } from '../../../src/domain/dates.js'
import { day, lang } from '../i18n.js'
import { datesIn } from '../dates.js'
import type { Issue, Pending } from './checks.js'
import { testName } from './messages.js'
import { m, type TextKey } from './text.js'
import { ABILITIES } from '../../../src/domain/words.js'

const FR = lang === 'fr'
const L = (en: string, fr: string): string => (FR ? fr : en)

/** An ability's name in a sentence: the form's own label, lower-cased ("speaking", "expression orale"). */
const ability = (a: string | number | undefined): string => ((ABILITIES as readonly string[]).includes(String(a)) ? m(String(a) as TextKey).toLowerCase() : String(a))
/** 0.5 in English, 0,5 in French. */
const dec = (n: string | number | undefined): string => (FR ? String(n).replace('.', ',') : String(n))

/** "0 to 9, in steps of 0.5" or "0 to 699". */
function range(min: string | number | undefined, max: string | number | undefined, step: string | number | undefined): string {
  return Number(step) === 1 ? L(`${min} to ${max}`, `${min} à ${max}`) : L(`${min} to ${dec(max)}, in steps of ${dec(step)}`, `${min} à ${dec(max)}, par pas de ${dec(step)}`)
}

const ROW: Record<string, [string, string]> = {
  credential: ['Credential', 'Diplôme'],
  test: ['Language test', 'Test de langue'],
  job: ['Job', 'Emploi'],
  offer: ['the job offer', 'l’offre d’emploi'],
  certificate: ['the certificate of qualification', 'le certificat de compétence'],
}
/** "Job 1", "your spouse’s Language test 2"; the job offer and the certificate are one each (n 0). */
const rowName = (kind: string | number | undefined, n: string | number | undefined, spouse = false): string =>
  `${spouse ? L('your spouse’s ', 'de votre époux(se), ') : ''}${(ROW[String(kind)] ?? [String(kind), String(kind)])[FR ? 1 : 0]}${Number(n) > 0 ? ` ${n}` : ''}`

/** The message next to a field. */
export function issueText(i: Issue): string {
  // Dates as the page's language writes them (web/src/dates.ts).
  const p = datesIn(i.params, lang)
  switch (i.code) {
    case 'dob_future':
      return L('The date of birth is in the future.', 'La date de naissance est dans le futur.')
    case 'dob_after_asof':
      return L(`The date of birth is after the scoring day (${p.asOf}).`, `La date de naissance est postérieure à la date de calcul (${p.asOf}).`)
    case 'dob_too_old':
      return L(`This date of birth gives an age of ${p.age} on ${p.asOf}: check it.`, `Cette date de naissance donne un âge de ${p.age} ans le ${p.asOf}\u00a0: vérifiez-la.`)
    case 'dob_too_young':
      return L(`This date of birth gives an age of ${p.age} on ${p.asOf}: check it.`, `Cette date de naissance donne un âge de ${p.age} ans le ${p.asOf}\u00a0: vérifiez-la.`)
    case 'dob_after_row': {
      if (p.row === 'eca') return L(`The date of birth is after the ECA of ${rowName('credential', p.n)} (issued on ${p.date}): check the dates.`, `La date de naissance est postérieure à l’EDE du ${rowName('credential', p.n).toLowerCase()} (délivrée le ${p.date}). Vérifiez les dates.`)
      const what = p.row === 'credential' ? L('completed', 'obtenu') : p.row === 'test' ? L('taken', 'passé') : L('started', 'commencé')
      return L(`The date of birth is after ${rowName(p.row, p.n)} (${what} on ${p.date}): check the dates.`, `La date de naissance est postérieure à\u00a0: ${rowName(p.row, p.n)} (${what} le ${p.date}). Vérifiez les dates.`)
    }
    case 'test_missing':
      return L('Choose the test.', 'Choisissez le test.')
    case 'test_date_missing':
      return L('Enter the test date: the scale and the conversion depend on it.', 'Entrez la date du test\u00a0: l’échelle et la conversion en dépendent.')
    case 'test_not_designated':
      return L(`${testName(String(p.test))} was not accepted for Express Entry on ${p.date}.`, `${testName(String(p.test))} n’était pas accepté pour Entrée express le ${p.date}.`)
    case 'score_missing':
      return L(`Enter the ${ability(p.ability)} score.`, `Entrez le résultat en ${ability(p.ability)}.`)
    case 'score_not_number':
      return L(`“${p.value}” is not a number: enter the ${ability(p.ability)} score as printed on the result.`, `«\u00a0${p.value}\u00a0» n’est pas un nombre\u00a0: entrez le résultat en ${ability(p.ability)} tel qu’il est imprimé.`)
    case 'score_off_scale':
      return L(`${testName(String(p.test))}, ${ability(p.ability)}: ${dec(p.value)} is not on the scale (${range(p.min, p.max, p.step)}).`, `${testName(String(p.test))}, ${ability(p.ability)}\u00a0: ${dec(p.value)} n’est pas sur l’échelle (${range(p.min, p.max, p.step)}).`)
    case 'occupation_not_chosen': {
      const [en, fr] = p.row === 'offer' ? ['the job offer is', 'l’offre n’est pas comptée'] : p.row === 'certificate' ? ['the certificate is', 'le certificat n’est pas compté'] : ['the job is', 'l’emploi n’est pas compté']
      return L(`Choose the occupation from the list: ${en} not counted until you do.`, `Choisissez la profession dans la liste\u00a0: ${fr} tant que ce n’est pas fait.`)
    }
    case 'funds_not_number':
      return L(`“${p.value}” is not an amount: enter the funds in Canadian dollars, digits only.`, `«\u00a0${p.value}\u00a0» n’est pas un montant\u00a0: entrez les fonds en dollars canadiens, en chiffres.`)
    case 'funds_negative':
      return L('Funds cannot be negative.', 'Les fonds ne peuvent pas être négatifs.')
    case 'children_invalid':
      return L('Enter a whole number from 0 to 30.', 'Entrez un nombre entier de 0 à 30.')
    case 'years_invalid':
      return L('Enter the length of the program in years, from 0 to 15: the credential is not counted until you do.', 'Entrez la durée du programme en années, de 0 à 15\u00a0: le diplôme n’est pas compté tant que ce n’est pas fait.')
    case 'hours_invalid':
      return L('Enter the hours worked in a week, more than 0 and at most 168: the job is not counted until you do.', 'Entrez les heures travaillées par semaine, plus de 0 et au plus 168\u00a0: l’emploi n’est pas compté tant que ce n’est pas fait.')
    case 'job_ends_before_start':
      return L(`The end (${p.to}) is before the start (${p.from}): the job is not counted until you correct it.`, `La fin (${p.to}) précède le début (${p.from})\u00a0: l’emploi n’est pas compté tant que ce n’est pas corrigé.`)
  }
}

/** What would make a pending row count ("choose the occupation for Job 1"). */
export function pendingFix(p: Pending): string {
  const row = rowName(p.kind, p.n, p.spouse)
  switch (p.fix) {
    case 'occupation':
      return L(`choose the occupation for ${row}`, `choisissez la profession (${row})`)
    case 'job':
      return L(`complete ${row}`, `complétez\u00a0: ${row}`)
    case 'test_date':
      return L(`enter the test date (${row})`, `entrez la date du test (${row})`)
    case 'test_scores':
      return L(`correct the scores of ${row}`, `corrigez les résultats (${row})`)
    case 'test':
      return L(`complete ${row}`, `complétez\u00a0: ${row}`)
    case 'credential':
      return L(`complete ${row}`, `complétez\u00a0: ${row}`)
    case 'funds':
      return L('correct the settlement funds', 'corrigez les fonds d’établissement')
    case 'funds_missing':
      return L('enter your settlement funds', 'entrez vos fonds d’établissement')
    case 'children':
      return L('correct the number of dependent children', 'corrigez le nombre d’enfants à charge')
  }
}

/** "Can't tell: choose the occupation for Job 1; enter the test date (Language test 1)." */
export function cantTellText(pending: readonly Pending[]): string {
  const fixes = [...new Set(pending.map(pendingFix))]
  return L(`Can’t tell: ${fixes.join('; ')}.`, `Impossible à dire\u00a0: ${fixes.join('\u202f; ')}.`)
}

/** Under a no: the rows its other conditions wait for. */
export function notCountedShort(pending: readonly Pending[]): string {
  const fixes = [...new Set(pending.map(pendingFix))]
  return L(`The other conditions can’t be told yet: ${fixes.join('; ')}.`, `Les autres conditions restent impossibles à évaluer\u00a0: ${fixes.join('\u202f; ')}.`)
}

/** What is not counted in the score yet, and what would count it. */
export function notCountedText(pending: readonly Pending[]): string {
  const fixes = [...new Set(pending.map(pendingFix))]
  return L(`Not counted yet: ${fixes.join('; ')}. The score and the verdicts leave these answers out until then.`, `Pas encore compté\u00a0: ${fixes.join('\u202f; ')}. La note et les verdicts laissent ces réponses de côté d’ici là.`)
}

/** The summary when no program is open but some cannot be told. */
export const summaryUnknownText = (score: number): string => L(`CRS ${score} · can’t tell yet`, `SCG ${score} · impossible à dire pour l’instant`)
export const invitedUnknownText = (pending: readonly Pending[]): string => L(`No program yet on what is counted; ${cantTellText(pending).replace(/^Can’t tell/, 'can’t tell')}`, `Aucun programme pour l’instant avec ce qui est compté\u202f; ${cantTellText(pending).replace(/^Impossible/, 'impossible')}`)
/** The results when the date of birth cannot be. */
export const blockedText = (issues: readonly Issue[]): string => issues.map(issueText).join(' ')

/** A scale as the form's hints write it: "0–699" in one span, else each ability's ("reading 0–300, …"). */
function spans(scale: TestConversion['scale']): string {
  const span = (a: (typeof ABILITIES)[number]) => `${scale[a].min}–${scale[a].max}`
  return ABILITIES.every((a) => span(a) === span('speaking')) ? span('speaking') : ABILITIES.map((a) => `${ability(a)} ${span(a)}`).join(', ')
}

/**
 * The scale of a test on its date, next to its scores: "IELTS General Training: 0 to 9, in steps of 0.5".
 * TEF Canada changed scale (the day and both scales read from its rule table, src/rules/language):
 * both are said until the date is given, then the date's.
 */
export function scaleText(test: string, date: string): string {
  if (!test) return ''
  if (test === 'tef-canada') {
    const [old, current] = [tefCanadaTable.versions.at(-2)!, tefCanadaTable.versions.at(-1)!]
    const from = current.from
    const fromText = day(from)
    const [was, now] = [spans(old.value!.scale), spans(current.value!.scale)]
    // A result of the old scale printed since the new one's results began shows the old score as "équivalence ancien score".
    const ancien = L('if the result shows an “équivalence ancien score”, enter that', 'si l’attestation montre une «\u00a0équivalence ancien score\u00a0», entrez celle-ci')
    if (!isIsoDate(date)) return L(`TEF Canada: tests taken from ${fromText} use the ${now} scale; before, the old scale (${was}; ${ancien}).`, `TEF Canada\u00a0: les tests passés à partir du ${fromText} utilisent l’échelle de ${now.replace('–', ' à ')}\u202f; avant, l’ancienne échelle (${was}\u202f; ${ancien}).`)
    if (date >= from) return L(`TEF Canada, test taken from ${fromText}: the ${now} scale in all four abilities (not the old scale used before).`, `TEF Canada, test passé à partir du ${fromText}\u00a0: l’échelle de ${now.replace('–', ' à ')} dans les quatre compétences (pas l’ancienne échelle utilisée avant).`)
    return L(`TEF Canada, test taken before ${fromText}: the old scale (${was}); ${ancien}.`, `TEF Canada, test passé avant le ${fromText}\u00a0: l’ancienne échelle (${was})\u202f; ${ancien}.`)
  }
  const conversion = conversionFor(test as DesignatedTest, isIsoDate(date) ? date : '2099-01-01')
  if (!conversion) return ''
  const s = conversion.scale
  const same = s.speaking.max === s.listening.max && s.listening.max === s.reading.max && s.reading.max === s.writing.max
  const scale = same ? range(s.speaking.min, s.speaking.max, s.speaking.step) : ABILITIES.map((a) => `${ability(a)} ${range(s[a].min, s[a].max, s[a].step)}`).join(', ')
  return `${testName(test)}${FR ? '\u00a0: ' : ': '}${scale}`
}
