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
  // Eligibility (issue 3): programs, settlement funds, categories.
  'FSW-PROGRAM': {
    title: 'IRCC, Eligibility for Express Entry programs: Who can apply as a Federal Skilled Worker',
    kind: 'guidance',
    url: 'https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/eligibility/federal-skilled-workers.html',
  },
  'FST-PROGRAM': {
    title: 'IRCC, Eligibility for Express Entry programs: Federal Skilled Trades Program',
    kind: 'guidance',
    url: 'https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/eligibility/skilled-trades.html',
  },
  'CEC-HELP': {
    title: 'IRCC Help Centre: Who cannot apply for permanent residence under the Canadian Experience Class?',
    kind: 'guidance',
    url: 'https://ircc.canada.ca/english/helpcentre/answer.asp?qnum=377&top=29',
  },
  'FUNDS-2017': {
    title: 'Proof of funds, skilled immigrants (Express Entry): "Settlement funds requirement, as of January 27, 2017", 1 to "7 or more" members (Abhinav, copying the CIC News text of January 2017)',
    kind: 'secondary',
    url: 'https://www.abhinav.com/news/proof-funds-skilled-immigrants-canada-express-entry.aspx',
  },
  'FUNDS-2017-B': {
    title: 'The proof of funds varies as per the number of family members (Canada Updates, 2017-07-24): the 2017 table, 1 to 7 members',
    kind: 'secondary',
    url: 'https://www.canadaupdates.com/2017/07/24/amount-need-entering-canada-proof-funds-varies-per-number-family-members/',
  },
  'FUNDS-2018': {
    title: 'IRCC increases settlement funds for PR candidates: "A 1.42 per cent increase was implemented January 5, 2018", 2017 and 2018 columns (Global Education Ideas, from the CIC News text of January 2018)',
    kind: 'secondary',
    url: 'https://www.globaleducationideas.com/ircc-increases-settlement-funds-for-pr-candidates/',
  },
  'FUNDS-2018-B': {
    title: 'IRCC issues updated proof of funds requirements list (Visas Abroad, 2018-01-15): the 2018 table with each additional member',
    kind: 'secondary',
    url: 'https://visasabroad.com/2018/01/15/canada-immigration-ircc-issues-updated-proof-funds-requirements-list/',
  },
  'FUNDS-2019': {
    title: 'Proof of settlement funds requirement increases for Express Entry candidates (CIC News, published 2019-01-17): 2018 and 2019 columns',
    kind: 'secondary',
    url: 'https://www.cicnews.com/2019/01/proof-of-settlement-funds-requirement-increases-for-express-entry-candidates-0111751.html',
  },
  'FUNDS-2019-B': {
    title: "Canada's minimum required settlement fund increased (Visa Time): last year's and this year's amounts, 1 to 7 members and each additional",
    kind: 'secondary',
    url: 'https://www.visatime.com/uncategorized/canadas-minimum-required-settlement-fund-increased',
  },
  'FUNDS-2019-DATE': {
    title: 'Updates settlement funds for 2019 (Canada Open): "Revised Proof of Funds (as of January 16, 2019)"',
    kind: 'secondary',
    url: 'https://canadaopen.org/en/news/novyie-finansovyie-trebovaniya-dlya-immigraczii-v-kanadu.html',
  },
  'FUNDS-2020': {
    title: 'Express Entry skilled immigrants, updated settlement funds requirement (FSS Canada Immigration, copying the IRCC notice: profiles to be updated no later than 2020-02-25)',
    kind: 'secondary',
    url: 'https://fsscanadaimmigration.com/express-entry-skilled-immigrants-updated-settlement-funds-requirement/',
  },
  'FUNDS-2020-B': {
    title: 'Federal Skilled Worker Program fund requirements have been updated (Kansas Overseas): the 2020 table with each additional member',
    kind: 'secondary',
    url: 'https://www.kansaz.in/Latest-news/79/federal-skilled-worker-program-fund-requirements-have-been-updated',
  },
  'FUNDS-2020-DATE': {
    title: 'Canada released the new financial requirements for PR applicants (A4Z Immigration, 2020-01-03): "On January 1, 2020, IRCC updated the financial requirements"',
    kind: 'secondary',
    url: 'https://www.a4zimmigration.com/news/canada-released-the-new-financial-requirements-for-pr-applicants-5th',
  },
  'FUNDS-2021': {
    title: 'Canada updates Express Entry proof of funds for 2021 (CIC News text, July 2021; profiles to be updated no later than 2021-07-15), as copied by Bluebird Immigration',
    kind: 'secondary',
    url: 'https://bluebird-immigration.com/en/posts/canada-updates-express-entry-proof-of-funds-for-2021',
  },
  'FUNDS-2021-B': {
    title: 'Proof of funds for Express Entry candidates updated for 2021 (Swift Connect): the 2021 table with each additional member',
    kind: 'secondary',
    url: 'https://www.swiftconnect.ca/blogs/certified-canadian-immigration-consultant-blog/716129-proof-of-funds-for-express-entry-candidates-updated-for-2021',
  },
  'FUNDS-2021-DATE': {
    title: 'Settlement fund requirement updated for Express Entry skilled worker applicants (Settlement Calgary, 2021-07-12): IRCC "has recently updated the table"',
    kind: 'secondary',
    url: 'https://settlementcalgary.com/2021/07/12/settlement-fund-requirement-updated-for-express-entry-skilled-worker-applicants/',
  },
  'FUNDS-2022': {
    title: 'Settlement funds table in force from 2022-06-09 (previous-year column of the 2023 update; date from Immigration News Canada, 2023-05-02)',
    kind: 'secondary',
    url: 'https://canapprove.ae/tag/canadian-permanent-residency/',
  },
  'FUNDS-2022-B': {
    title: 'Change in the amount of proof of funds (ICP Immigration, copying the IRCC notice: the table "as of June 9, 2022", profiles to be updated no later than 2022-06-08)',
    kind: 'secondary',
    url: 'https://icpimmigration.com/index.php?option=com_content&view=article&id=4014:change-in-the-amount-of-proof-of-funds&catid=85&lang=en&Itemid=1003',
  },
  'FUNDS-2023': {
    title: 'Express Entry proof of funds updated, effective 2023-04-25 (published 2023-05-02)',
    kind: 'secondary',
    url: 'https://shanumimmigration.com/express-entry-proof-of-funds-updates/',
  },
  'FUNDS-2024': {
    title: 'New Express Entry proof of funds requirement, effective 2024-05-28',
    kind: 'secondary',
    url: 'https://pelicanmigration.com/new-express-entry-proof-of-funds-requirement-for-2024/',
  },
  'FUNDS-2025': {
    title: 'IRCC raises proof of funds for Express Entry, effective 2025-07-07 (profiles to be updated by 2025-07-28)',
    kind: 'secondary',
    url: 'https://usafricaonline.com/2025/07/08/canada-raises-proof-of-funds-for-express-entry-applicants/',
  },
  CBS: {
    title: 'IRCC, Express Entry: category-based selection (categories, eligible occupations and experience rules)',
    kind: 'guidance',
    url: 'https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/rounds-invitations/category-based-selection.html',
  },
  'CBS-REPORT-2024-25': {
    title: 'IRCC, 2024-2025 Report to Parliament – Category-Based Selection in Express Entry (Annex A: 2024 list; Annex B: 2025 list)',
    kind: 'guidance',
    url: 'https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/report-parliament-cbs-2024-25.html',
  },
  'IRCC-CATEGORIES-2026': {
    title: 'IRCC news release, 2026-02-18: Canada prioritizes top talent in 2026 immigration Express Entry categories',
    kind: 'guidance',
    url: 'https://www.newswire.ca/news-releases/canada-prioritizes-top-talent-in-2026-immigration-express-entry-categories-888682465.html',
  },
  // Pool mechanics (issue 10): the invitation window and its history.
  'ITA-WINDOW-2016': {
    title: 'Ministerial Instructions 2016-1 and IRCC notice of 2016-11-19: candidates invited from 2016-11-19 have 90 days to submit an application (rules.md S3, S6)',
    kind: 'instruction',
    url: 'https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/policies-operational-instructions-agreements/ministerial-instructions/express-entry-application-management-system/30-may-2015-18-november-2016.html',
  },
  'ITA-WINDOW-2018': {
    title: 'IRCC, 2018-06-26: invitations issued after 2018-06-26 give 60 days to submit a complete application (news coverage, rules.md S18)',
    kind: 'secondary',
    url: 'https://immigrationexperts.pk/applying-for-canada-immigration-the-deadline-to-apply-under-express-entry-stream-is-now-reduced-to-60-days/',
  },
  'ITA-WINDOW-COVID': {
    title: 'IRCC COVID-19 measure, March 2020: 90 days to submit an application after an invitation (reported with its reversal, rules.md S18)',
    kind: 'secondary',
    url: 'https://www.uimmigrate.ca/canada-reduces-the-express-entry-application-period-to-60-days/',
  },
  'IRCC-PDU-2021-EAPR': {
    title: 'IRCC program delivery update, 2021-06-29: a complete e-APR within 60 calendar days of the invitation (previously 90)',
    kind: 'guidance',
    url: 'https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/operational-bulletins-manuals/updates/2021-express-entry-completeness-check.html',
  },
  'ECA': {
    title: 'IRCC, Educational credential assessment (ECA) for Express Entry: reports are valid for 5 years from their issue date',
    kind: 'guidance',
    url: 'https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/documents/education-assessed.html',
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
