/**
 * The sentences of web/src/journey/messages.ts in French (it loads one language's only; the English,
 * web/src/words/messages.en.ts, defines `MessageWords`, which both implement).
 * @module
 */
import type { MessageWords } from './messages.en.js'

type Value = string | number | undefined

const languageName = (l: Value): string => (l === 'french' ? 'français' : 'anglais')
const scale = (l: Value): string => (l === 'french' ? 'NCLC' : 'CLB')
/** "Le PTQF", "La CEC": the program with its article. */
const theFr = (program: Value, who: string): string => `${program === 'cec' ? 'La' : 'Le'} ${who}`
/** "test d’anglais", "test de français": the French of "an English test". */
const testOf = (l: Value): string => (l === 'french' ? 'test de français' : 'test d’anglais')

/** "CLB 7 dans les quatre compétences" or "CLB 5/5/4/4 (oral/compréhension de l’oral/de l’écrit/écrit)". */
function level(minimum: Value, sc = 'CLB'): string {
  const s = String(minimum ?? '')
  if (!s.includes('/')) return `${sc} ${s} dans les quatre compétences`
  return `${sc} ${s} (oral/compréhension de l’oral/de l’écrit/écrit)`
}

const ABILITY: Record<string, string> = { speaking: 'expression orale', listening: 'compréhension de l’oral', reading: 'compréhension de l’écrit', writing: 'expression écrite' }
const EDU: Record<string, string> = {
  none: 'moins que le secondaire', secondary: 'un diplôme d’études secondaires', 'one-year': 'un programme d’un an', 'two-year': 'un programme de deux ans',
  bachelors: 'un baccalauréat', 'two-or-more': 'deux diplômes ou plus, dont un de 3\u00a0ans ou plus', masters: 'une maîtrise', doctoral: 'un doctorat',
}
const edu = (e: string | number | null): string => EDU[String(e)] ?? String(e)

export const fr: MessageWords = {
  languageName,
  /**
   * IRCC's French names of French-language proficiency, healthcare and social services, trades,
   * physicians and senior managers, as its French feed names rounds 436-447
   * (data/ee-rounds.labels-fr.json); the others follow them and are UNCONFIRMED (docs/decisions.md W7).
   */
  categoryNames: {
    french: 'Compétence linguistique en français',
    healthcare: 'Professions de la santé',
    'healthcare-social': 'Professions de la santé et des services sociaux',
    stem: 'Professions en sciences, technologies, ingénierie et mathématiques (STIM)',
    trade: 'Métiers spécialisés',
    transport: 'Professions du transport',
    agriculture: 'Professions de l’agriculture et de l’agroalimentaire',
    education: 'Professions de l’éducation',
    physicians: 'Médecins ayant de l’expérience de travail au Canada',
    'senior-managers': 'Cadres supérieurs/cadres supérieures ayant de l’expérience de travail au Canada',
    researchers: 'Chercheurs/chercheuses ayant de l’expérience de travail au Canada',
    military: 'Recrues militaires qualifiées',
  },
  roundNames: {
    'No Program Specified': 'Aucun programme spécifié',
    General: 'Général',
    'Provincial Nominee Program': 'Programme des candidats des provinces',
    'Canadian Experience Class': 'Catégorie de l’expérience canadienne',
    'Federal Skilled Worker': 'Programme des travailleurs qualifiés (fédéral)',
    'Federal Skilled Trades': 'Programme des travailleurs de métiers spécialisés (fédéral)',
  },
  typeNames: {
    general: 'Rondes générales (tous les programmes)',
    'program:cec': 'Catégorie de l’expérience canadienne',
    'program:pnp': 'Programme des candidats des provinces',
    'program:fsw': 'Programme des travailleurs qualifiés (fédéral)',
    'program:fst': 'Programme des travailleurs de métiers spécialisés (fédéral)',
  },
  programs: { fsw: 'PTQF', cec: 'CEC', fst: 'PTMSF', pnp: 'PCP' },

  unmet(code, p, who) {
    switch (code) {
      case 'no_language_result':
        return `${theFr(p.program, who)} exige un résultat valide de ${testOf(p.language)} (votre première langue officielle) de moins de 2\u00a0ans.`
      case 'language_below_minimum':
        return `${theFr(p.program, who)} exige ${level(p.minimum, scale(p.language))} en ${languageName(p.language)}\u202f; votre meilleur résultat\u00a0: ${p.best}.`
      case 'experience_insufficient':
        return `${theFr(p.program, who)} exige 1\u00a0an (1\u00a0560\u00a0heures) de travail rémunéré continu dans une profession FEER 0 à 3 au cours des ${p.windowYears}\u00a0dernières années\u202f; vous avez ${p.months}\u00a0mois${p.noc ? ` dans la CNP ${p.noc}` : ''}.`
      case 'canadian_experience_insufficient':
        return `${theFr(p.program, who)} exige 1\u00a0an (1\u00a0560\u00a0heures) de travail rémunéré FEER 0 à 3 au Canada au cours des ${p.windowYears}\u00a0dernières années (pas comme travailleur autonome ni étudiant à temps plein)\u202f; vous avez ${p.months}\u00a0mois.`
      case 'trade_experience_insufficient':
        return `${theFr(p.program, who)} exige 2\u00a0ans (3\u00a0120\u00a0heures) de travail dans un métier spécialisé au cours des ${p.windowYears}\u00a0dernières années\u202f; vous avez ${p.months}\u00a0mois${p.noc ? ` dans la CNP ${p.noc}` : ''}.`
      case 'no_offer_or_certificate':
        return `${theFr(p.program, who)} exige une offre d’emploi à temps plein d’au moins un an, ou un certificat de compétence canadien, dans votre métier.`
      case 'no_education':
        return `${theFr(p.program, who)} exige un diplôme canadien, ou un diplôme étranger avec une EDE de moins de 5\u00a0ans.`
      case 'grid_below_pass_mark':
        return `${theFr(p.program, who)} exige ${p.passMark}\u00a0points sur 100 à la grille de sélection\u202f; vous en avez ${p.points} (il en manque ${Number(p.passMark) - Number(p.points)}).`
      case 'settlement_funds_insufficient':
        return 'Fonds d’établissement insuffisants pour la taille de votre famille (pas nécessaires avec une offre d’emploi valide si vous êtes autorisé à travailler au Canada).'
      case 'settlement_funds_unknown':
        return `${who}\u00a0: impossible de le dire sans vos fonds d’établissement (${Number(p.required).toLocaleString('fr-CA')}\u00a0$\u00a0CA exigés pour une famille de ${p.familySize}\u202f; pas nécessaires avec une offre d’emploi valide si vous êtes autorisé à travailler au Canada).`
      case 'not_eligible_for_program':
        return 'Ouverte seulement aux candidats admissibles au PTQF, à la CEC ou au PTMSF.'
      case 'category_list_unknown':
        return 'La liste officielle des professions de cette catégorie n’est pas disponible dans cet outil\u00a0: impossible de le dire.'
      case 'no_french_result':
        return `Exige un test de français valide (TEF Canada ou TCF Canada) avec ${level(p.minimum, 'NCLC')}.`
      case 'french_below_minimum':
        return `Exige ${level(p.minimum, 'NCLC')} en français\u202f; votre meilleur résultat\u00a0: ${p.best}.`
      case 'category_experience_insufficient': {
        const where = p.where === 'canada' ? 'au Canada' : 'au Canada ou à l’étranger'
        const have = p.noc ? `\u202f; vous avez ${p.months}\u00a0mois dans la CNP ${p.noc}` : '\u202f; aucun de vos emplois n’est dans une profession de la liste'
        return `Exige ${p.minimumMonths}\u00a0mois de travail à temps plein ${Number(p.continuous) ? 'continu ' : ''}(ou l’équivalent) dans une profession de la liste, ${where}, au cours des ${p.windowYears}\u00a0dernières années${have}.`
      }
      case 'canadian_armed_forces_offer_missing':
        return p.what === 'employer'
          ? 'Exige que l’offre d’emploi vienne du Groupe du recrutement des Forces canadiennes\u202f; la vôtre vient d’un autre employeur.'
          : 'Exige une offre d’emploi des Forces armées canadiennes (Groupe du recrutement des Forces canadiennes) dans une profession de la liste.'
      case 'military_offer_details_unknown':
        return p.what === 'employer'
          ? 'Impossible à dire\u00a0: l’offre doit venir du Groupe du recrutement des Forces canadiennes, et vos réponses ne disent pas qui l’a faite.'
          : `Impossible à dire\u00a0: l’offre doit porter sur au moins ${p.offerYears}\u00a0ans de travail continu à temps plein, et vos réponses n’en donnent pas la durée.`
      case 'military_offer_too_short':
        return `Exige une offre d’emploi d’au moins ${p.offerYears}\u00a0ans de travail continu à temps plein.`
      case 'military_service_unknown':
        return `Impossible à dire\u00a0: il faut au moins ${p.serviceYears}\u00a0ans de service continu dans une armée étrangère reconnue, et vos réponses ne le disent pas.`
      case 'military_service_insufficient':
        return p.what === 'ended'
          ? 'S’adresse aux candidats en service dans une armée étrangère\u202f; votre service a pris fin.'
          : p.what === 'unrecognized'
            ? 'Exige un service dans une armée étrangère reconnue.'
            : `Exige au moins ${p.serviceYears}\u00a0ans de service continu dans une armée étrangère reconnue.`
      case 'military_recognition_unknown':
        return 'Impossible à dire\u00a0: exige un service dans une «\u00a0armée étrangère reconnue\u00a0», notion qui n’est pas définie publiquement.'
      case 'military_credential_missing':
        return `Exige un diplôme postsecondaire d’au moins ${p.credentialYears}\u00a0ans (avec une EDE s’il a été obtenu hors du Canada).`
      default:
        return undefined
    }
  },

  notice(code, p, on) {
    switch (code) {
      case 'language_result_expired':
        return `Ce résultat ${p.test} du ${p.testDate} a plus de ${p.years}\u00a0ans le ${p.asOf}\u00a0: il ne donne aucun point et ne compte pour aucun programme. Un nouveau test est nécessaire.`
      case 'language_result_future':
        return `Ce test ${p.test} du ${p.testDate} est postérieur à la date de calcul ${p.asOf}\u00a0: il ne compte pas encore.`
      case 'eca_expired':
        return `Votre EDE (délivrée le ${p.issuedOn}) a expiré le ${on}, après ${p.years}\u00a0ans\u00a0: le diplôme ne compte pas tant que vous n’en obtenez pas une nouvelle.`
      case 'credential_not_completed':
        return `Obtenu le ${p.completedOn}, après le ${p.asOf}\u00a0: pas encore compté.`
      case 'no_first_language_result':
        return `Aucun résultat valide de ${testOf(p.language)} le ${p.asOf}\u00a0: aucun point de langue, et aucun programme n’est ouvert sans lui.`
      case 'nomination_after_date':
        return `Désigné le ${p.nominatedOn}, après le ${p.asOf}\u00a0: pas encore compté.`
      default:
        return undefined
    }
  },

  verified: (_message, _iso, lastVerified) => `Remarque\u00a0: règles vérifiées pour la dernière fois le ${lastVerified}\u202f; un changement après ce jour n’est pas connu de cette version.`,

  whatIf(c, sc, accruesOn) {
    switch (c.code) {
      case 'first-language-ability': {
        const ability = c.field.split('.').pop()!
        return `Votre ${ABILITY[ability] ?? ability} de ${sc} ${c.from} à ${c.to}`
      }
      case 'first-language-all':
        return `${sc} 9 ou plus dans les quatre compétences de votre première langue`
      case 'education':
        return `Vos études portées à ${edu(c.to)}`
      case 'french-nclc-7':
        return 'Un test de français (TEF Canada ou TCF Canada) au NCLC 7 dans les quatre compétences'
      case 'english-clb-5':
        return 'Un test d’anglais (IELTS, CELPIP, PTE Core) au CLB 5 dans les quatre compétences'
      case 'canadian-work-year':
        return accruesOn ? `Une année de plus de travail qualifié au Canada (le ${accruesOn} si votre emploi continue)` : 'Une année de plus de travail qualifié au Canada'
      case 'spouse-language':
        return `Un test de langue de votre époux(se) au NCLC ${c.to} dans les quatre compétences`
      case 'swap-applicant-and-spouse':
        return 'Votre époux(se) comme demandeur principal (sans votre certificat, désignation ni offre d’emploi)'
      case 'provincial-nomination':
        return 'Une désignation d’une province ou d’un territoire'
      default:
        return undefined
    }
  },

  unlock(code, p, target, crsGain, sc, on) {
    const grid = p.gridFrom !== undefined ? ` (grille de sélection ${p.gridFrom} → ${p.gridTo})` : ''
    const gain = crsGain > 0 ? `\u202f; SCG +${crsGain}` : ''
    switch (code) {
      case 'second-language-test':
      case 'first-language-test':
        return `Un ${testOf(p.language)} au ${sc} ${p.clb} dans les quatre compétences vous rendrait admissible\u00a0: ${target}${grid}${gain}.`
      case 'spouse-language-test':
        return `Un test de langue de votre époux(se) au NCLC ${p.clb} dans les quatre compétences vous rendrait admissible\u00a0: ${target}${grid}${gain}.`
      case 'eca':
        return `Une EDE de vos études hors du Canada vous rendrait admissible\u00a0: ${target}${gain}.`
      case 'settlement-funds':
        return `Des fonds d’établissement de ${Number(p.amount).toLocaleString('fr-CA')}\u00a0$\u00a0CA (famille de ${p.familySize}) vous rendraient admissible\u00a0: ${target}.`
      case 'waiting':
        return `Sans autre changement, vous devenez admissible le ${on}\u00a0: ${target} (le travail en cours s’accumule).`
      default:
        return undefined
    }
  },

  reasons: {
    age: (before, after) => `âge ${before} → ${after}`,
    education: (after) => `études\u00a0: ${edu(after)}`,
    firstLanguage: (before, after) => `première langue ${before} → ${after}`,
    firstExpires: (l) => `votre résultat de ${testOf(l)} (première langue officielle) expire`,
    secondLanguage: (before, after) => `seconde langue ${before} → ${after}`,
    secondNoLonger: (l) => `votre résultat de ${testOf(l)} (seconde langue officielle) ne compte plus sans résultat valide en première langue`,
    secondExpires: (l) => `votre résultat de ${testOf(l)} (seconde langue officielle) expire`,
    canadaWork: (before, after) => `travail au Canada ${before} → ${after}\u00a0an(s)`,
    abroadWork: (before, after) => `travail à l’étranger (10\u00a0dernières années) ${before} → ${after}\u00a0an(s)`,
    nomination: 'désignation provinciale',
    spouse: 'les facteurs de votre époux(se)',
    rules: 'les règles du SCG changent',
  },
}
