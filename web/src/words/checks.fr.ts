/**
 * The sentences of web/src/journey/check-text.ts in French (it loads one language's only; the English,
 * web/src/words/checks.en.ts, defines `CheckWords`, which both implement).
 * @module
 */
import type { CheckWords } from './checks.en.js'

type Value = string | number | undefined

/** 0,5: the French decimal comma. */
const dec = (n: Value): string => String(n).replace('.', ',')
const ROW: Record<string, string> = { credential: 'Diplôme', test: 'Test de langue', job: 'Emploi', offer: 'l’offre d’emploi', certificate: 'le certificat de compétence' }
const rowName = (kind: Value, n: Value, spouse = false): string => `${spouse ? 'de votre époux(se), ' : ''}${ROW[String(kind)] ?? String(kind)}${Number(n) > 0 ? ` ${n}` : ''}`
// A result of the old scale printed since the new one's results began shows the old score as "équivalence ancien score".
const ancien = 'si l’attestation montre une «\u00a0équivalence ancien score\u00a0», entrez celle-ci'
const cantTell = (fixes: readonly string[]): string => `Impossible à dire\u00a0: ${fixes.join('\u202f; ')}.`

export const fr: CheckWords = {
  dec,
  range: (min, max, step) => (Number(step) === 1 ? `${min} à ${max}` : `${min} à ${dec(max)}, par pas de ${dec(step)}`),
  rowName,
  issue(code, p, { ability, testName }) {
    switch (code) {
      case 'dob_future':
        return 'La date de naissance est dans le futur.'
      case 'dob_after_asof':
        return `La date de naissance est postérieure à la date de calcul (${p.asOf}).`
      case 'dob_too_old':
        return `Cette date de naissance donne un âge de ${p.age} ans le ${p.asOf}\u00a0: vérifiez-la.`
      case 'dob_too_young':
        return `Cette date de naissance donne un âge de ${p.age} ans le ${p.asOf}\u00a0: vérifiez-la.`
      case 'dob_after_row': {
        if (p.row === 'eca') return `La date de naissance est postérieure à l’EDE du ${rowName('credential', p.n).toLowerCase()} (délivrée le ${p.date}). Vérifiez les dates.`
        const what = p.row === 'credential' ? 'obtenu' : p.row === 'test' ? 'passé' : 'commencé'
        return `La date de naissance est postérieure à\u00a0: ${rowName(p.row, p.n)} (${what} le ${p.date}). Vérifiez les dates.`
      }
      case 'test_missing':
        return 'Choisissez le test.'
      case 'test_date_missing':
        return 'Entrez la date du test\u00a0: l’échelle et la conversion en dépendent.'
      case 'test_not_designated':
        return `${testName(String(p.test))} n’était pas accepté pour Entrée express le ${p.date}.`
      case 'score_missing':
        return `Entrez le résultat en ${ability(p.ability)}.`
      case 'score_not_number':
        return `«\u00a0${p.value}\u00a0» n’est pas un nombre\u00a0: entrez le résultat en ${ability(p.ability)} tel qu’il est imprimé.`
      case 'score_off_scale':
        return `${testName(String(p.test))}, ${ability(p.ability)}\u00a0: ${dec(p.value)} n’est pas sur l’échelle (${fr.range(p.min, p.max, p.step)}).`
      case 'occupation_not_chosen': {
        const what = p.row === 'offer' ? 'l’offre n’est pas comptée' : p.row === 'certificate' ? 'le certificat n’est pas compté' : 'l’emploi n’est pas compté'
        return `Choisissez la profession dans la liste\u00a0: ${what} tant que ce n’est pas fait.`
      }
      case 'funds_not_number':
        return `«\u00a0${p.value}\u00a0» n’est pas un montant\u00a0: entrez les fonds en dollars canadiens, en chiffres.`
      case 'funds_negative':
        return 'Les fonds ne peuvent pas être négatifs.'
      case 'children_invalid':
        return 'Entrez un nombre entier de 0 à 30.'
      case 'years_invalid':
        return 'Entrez la durée du programme en années, de 0 à 15\u00a0: le diplôme n’est pas compté tant que ce n’est pas fait.'
      case 'hours_invalid':
        return 'Entrez les heures travaillées par semaine, plus de 0 et au plus 168\u00a0: l’emploi n’est pas compté tant que ce n’est pas fait.'
      case 'job_ends_before_start':
        return `La fin (${p.to}) précède le début (${p.from})\u00a0: l’emploi n’est pas compté tant que ce n’est pas corrigé.`
    }
  },
  pending(fix, row) {
    switch (fix) {
      case 'occupation':
        return `choisissez la profession (${row})`
      case 'job':
        return `complétez\u00a0: ${row}`
      case 'test_date':
        return `entrez la date du test (${row})`
      case 'test_scores':
        return `corrigez les résultats (${row})`
      case 'test':
        return `complétez\u00a0: ${row}`
      case 'credential':
        return `complétez\u00a0: ${row}`
      case 'funds':
        return 'corrigez les fonds d’établissement'
      case 'funds_missing':
        return 'entrez vos fonds d’établissement'
      case 'children':
        return 'corrigez le nombre d’enfants à charge'
    }
  },
  cantTell,
  notCountedShort: (fixes) => `Les autres conditions restent impossibles à évaluer\u00a0: ${fixes.join('\u202f; ')}.`,
  notCounted: (fixes) => `Pas encore compté\u00a0: ${fixes.join('\u202f; ')}. La note et les verdicts laissent ces réponses de côté d’ici là.`,
  summaryUnknown: (score) => `SCG ${score} · impossible à dire pour l’instant`,
  invitedUnknown: (text) => `Aucun programme pour l’instant avec ce qui est compté\u202f; ${text.replace(/^Impossible/, 'impossible')}`,
  tef: {
    undated: (fromText, now, was) => `TEF Canada\u00a0: les tests passés à partir du ${fromText} utilisent l’échelle de ${now.replace('–', ' à ')}\u202f; avant, l’ancienne échelle (${was}\u202f; ${ancien}).`,
    after: (fromText, now) => `TEF Canada, test passé à partir du ${fromText}\u00a0: l’échelle de ${now.replace('–', ' à ')} dans les quatre compétences (pas l’ancienne échelle utilisée avant).`,
    before: (fromText, was) => `TEF Canada, test passé avant le ${fromText}\u00a0: l’ancienne échelle (${was})\u202f; ${ancien}.`,
  },
  colon: '\u00a0: ',
}
