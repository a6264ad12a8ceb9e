/** The forecast page's words, English and French (kept beside the page so it adds no shared keys). @module */
import { lang } from '../i18n.js'

const en = {
  title: 'When will I be invited?',
  intro: 'A forecast of the coming rounds, fitted only on the rounds IRCC published before the day it looks from, with its own track record below. Paste a Profile (all programs and categories, your score as it changes) or CrsFactors (general rounds and the score only).',
  input: 'Profile or CrsFactors (JSON)',
  asOf: 'Look from (YYYY-MM-DD, empty: today)',
  horizon: 'Horizon (days)',
  run: 'Forecast',
  loading: 'Working…',
  headline: 'Chance of an invitation within {days} days',
  within: 'Within 30 days: {d30} · 90 days: {d90} · 180 days: {d180} · 365 days: {d365}',
  first: 'Most likely first: {label}, around {date}.',
  none: 'No invitation in the simulated year.',
  chart: 'Chance of an invitation by the end of each of the next 12 months',
  rounds: 'The next round of each type',
  type: 'Round type',
  expected: 'Expected',
  cutoff: 'Cut-off (10th–50th–90th percentile)',
  last: 'Last cut-off',
  eligible: 'Open to you',
  chance: 'Chance it invites you',
  yes: 'yes',
  no: 'no',
  cantTell: "can't tell",
  model: 'Fitted on {n} rounds published before {asOf} (record until {until}); {paths} simulated futures, seed {seed}.',
  track: 'How good are these forecasts?',
  trackText:
    'We made this forecast every fortnight from {from} to {to} for {profiles} sample profiles, each time only from the rounds published before that day, and checked what then happened within 90 days ({cases} cases). Its Brier score (lower is better) was {model}, against {rule} for "invited if my score reaches the last cut-off" and {logistic} for a curve of the margin to the last cut-off: {ratio} of the first.',
  calibrationText: 'When it said {band}, the invitation came {observed} of the time (it said {predicted} on average; {cases} cases).',
  cutoffText: 'The next cut-off of general, CEC and category rounds was off by {model} points on average; "the last cut-off of that type" was off by {last}.',
  trackMissing: 'The track record is not available on this server.',
}
type Key = keyof typeof en
const fr: Record<Key, string> = {
  title: 'Quand serai-je invité ?',
  intro: "Une prévision des prochaines rondes, ajustée seulement sur les rondes publiées par IRCC avant le jour choisi, avec son propre bilan ci-dessous. Collez un Profile (tous les programmes et catégories, votre score au fil du temps) ou des CrsFactors (rondes générales et score seulement).",
  input: 'Profile ou CrsFactors (JSON)',
  asOf: "Date de départ (AAAA-MM-JJ, vide : aujourd'hui)",
  horizon: 'Horizon (jours)',
  run: 'Prévoir',
  loading: 'Calcul…',
  headline: "Probabilité d'une invitation d'ici {days} jours",
  within: "D'ici 30 jours : {d30} · 90 jours : {d90} · 180 jours : {d180} · 365 jours : {d365}",
  first: 'Première invitation la plus probable : {label}, vers le {date}.',
  none: "Aucune invitation dans l'année simulée.",
  chart: "Probabilité d'une invitation à la fin de chacun des 12 prochains mois",
  rounds: 'La prochaine ronde de chaque type',
  type: 'Type de ronde',
  expected: 'Prévue',
  cutoff: 'Note de passage (10e–50e–90e centile)',
  last: 'Dernière note',
  eligible: 'Ouverte à vous',
  chance: 'Probabilité de vous inviter',
  yes: 'oui',
  no: 'non',
  cantTell: 'on ne sait pas',
  model: 'Ajusté sur {n} rondes publiées avant le {asOf} (registre jusqu’au {until}) ; {paths} avenirs simulés, graine {seed}.',
  track: 'Que valent ces prévisions ?',
  trackText:
    "Nous avons fait cette prévision toutes les deux semaines du {from} au {to} pour {profiles} profils types, chaque fois seulement à partir des rondes publiées avant ce jour, puis vérifié ce qui s'est passé dans les 90 jours ({cases} cas). Son score de Brier (plus bas = mieux) : {model}, contre {rule} pour « invité si mon score atteint la dernière note » et {logistic} pour une courbe de l'écart à la dernière note : {ratio} du premier.",
  calibrationText: "Quand elle annonçait {band}, l'invitation est venue {observed} du temps ({predicted} annoncé en moyenne ; {cases} cas).",
  cutoffText: 'La prochaine note de passage des rondes générales, PEC et par catégorie : écart moyen de {model} points ; « la dernière note du même type » : {last}.',
  trackMissing: "Le bilan n'est pas disponible sur ce serveur.",
}

/** The message `key` in the page's language, with `{name}` placeholders filled. */
export function m(key: Key, vars: Record<string, string | number> = {}): string {
  return (lang === 'fr' ? fr : en)[key].replace(/\{(\w+)\}/g, (_x, name: string) => String(vars[name] ?? `{${name}}`))
}
