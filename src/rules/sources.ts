/**
 * The instruments every rule cites, by key. Ids S1..S29 in comments refer to
 * ../shared/research/rules.md §0, where each is described.
 * @module
 */

export type SourceKind = 'law' | 'instruction' | 'guidance' | 'secondary'

export interface Instrument {
  readonly title: string
  readonly kind: SourceKind
  readonly url: string
}

const IRCC_MI = 'https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/policies-operational-instructions-agreements/ministerial-instructions/express-entry-application-management-system'

export const instruments = {
  'MI-EE-CURRENT': {
    title: 'Ministerial Instructions respecting the Express Entry system (current; signed 2024-08-09, amended 2025-03-25)',
    kind: 'instruction',
    url: `${IRCC_MI}/current.html`,
  },
  'MI-EE-2014': {
    title: 'Ministerial Instructions respecting the Express Entry system, Canada Gazette Part I, Extra Vol. 148 No. 10 (2014-12-01), in force 2015-01-01',
    kind: 'instruction',
    url: 'https://gazette.gc.ca/rp-pr/p1/2014/2014-12-01-x10/html/extra10-eng.php',
  },
  'MI-EE-2015-05-30': {
    title: 'ARCHIVED – Ministerial Instructions respecting the Express Entry system, 2015-05-30 to 2016-11-18 (with the notice of the changes of 2016-11-19)',
    kind: 'instruction',
    url: `${IRCC_MI}/30-may-2015-18-november-2016.html`,
  },
  'MI-EE-2016-1': {
    title: 'Ministerial Instructions Amending the Ministerial Instructions Respecting the Express Entry System (2016-1), Canada Gazette Part I Vol. 150 No. 46 (2016-11-12), in force 2016-11-19',
    kind: 'instruction',
    // S6; the archived MI page (S3) lists the same changes as of 2016-11-19.
    url: `${IRCC_MI}/30-may-2015-18-november-2016.html`,
  },
  'MI-EE-2017-1': {
    title: 'Ministerial Instructions Amending the Ministerial Instructions Respecting the Express Entry System, 2017-1, in force 2017-06-06',
    kind: 'instruction',
    url: `${IRCC_MI}/amending-express-entry-system-2017.html`,
  },
  'IRCC-FRENCH-2020': {
    title: 'IRCC news release, 2020-10-27: French-speaking and bilingual candidates to receive 25 and 50 points (reprinted in full; S16)',
    kind: 'secondary',
    url: 'https://worktocanada.com/en/points-supplementaires-dans-entree-express',
  },
  'IRCC-JOB-OFFER-2025': {
    title: 'Arranged-employment CRS points removed from the Ministerial Instructions on 2025-03-25 (news coverage, S15)',
    kind: 'secondary',
    url: 'https://celpip.biz/canada-eliminates-bonus-crs-points-for-job-offers-in-express-entry-program',
  },
  'CRS-CRITERIA': {
    title: 'IRCC, Comprehensive Ranking System (CRS) criteria – Express Entry',
    kind: 'guidance',
    url: 'https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/check-score/crs-criteria.html',
  },
  'CRS-TOOL': {
    title: 'IRCC, Comprehensive Ranking System (CRS) tool (crs-tool.asp), its scoring script',
    kind: 'guidance',
    url: 'https://ircc.canada.ca/english/immigrate/skilled/crs-tool.asp',
  },
  'LANGUAGE-EQUIVALENCY': {
    title: 'IRCC, Language test equivalency charts (Express Entry language requirements)',
    kind: 'guidance',
    url: 'https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/documents/language-requirements/test-equivalency-charts.html',
  },
  'LANGUAGE-TESTS': {
    title: 'IRCC, Language test results: approved tests and validity (Express Entry)',
    kind: 'guidance',
    url: 'https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/documents/language-requirements.html',
  },
  'PTE-CORE-2024': {
    title: 'PTE Core accepted for Express Entry from 2024-01-30 (IRCC approved-tests page; news coverage S20)',
    kind: 'guidance',
    url: 'https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/documents/language-requirements.html',
  },
  'TCF-2018': {
    title: 'CIC News, 2018-11-10: IRCC now accepting results of the TCF Canada language test (S21)',
    kind: 'secondary',
    url: 'https://www.cicnews.com/2018/11/ircc-now-accepting-results-of-new-tcf-canada-test-as-proof-of-french-language-ability-1111416.html',
  },
  IRPR: {
    title: 'Immigration and Refugee Protection Regulations, SOR/2002-227',
    kind: 'law',
    url: 'https://laws-lois.justice.gc.ca/eng/regulations/SOR-2002-227/',
  },
} as const satisfies Record<string, Instrument>

export type InstrumentKey = keyof typeof instruments

/** A citation: an instrument and the place in it (section, table). */
export interface Citation {
  readonly instrument: InstrumentKey
  readonly title: string
  readonly url: string
  readonly pinpoint: string
}

/** Cites `pinpoint` (a section or table) of the instrument `key`. */
export function cite(key: InstrumentKey, pinpoint: string): Citation {
  const { title, url } = instruments[key]
  return { instrument: key, title, url, pinpoint }
}
