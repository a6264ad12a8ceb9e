/** The words of the frame every page shares (web/src/layout.ts), in English: web/src/i18n.ts loads one language's. @module */
export const en = {
  appName: 'Express Entry Engine',
  skip: 'Skip to content',
  navHome: 'Home',
  navCalculator: 'CRS calculator',
  navEligibility: 'Eligibility',
  navRounds: 'Past rounds',
  navSimulator: 'Round simulator',
  navForecast: 'When will I be invited?',
  navApi: 'API',
  switchLang: 'Français',
  switchLangLabel: 'Afficher cette page en français',
  privacy: 'Everything you enter stays in your browser: the score is computed on this device.',
  privacyForecast: 'What you paste on this page is sent to this server to compute the forecast; the server answers and keeps nothing of it (it is not stored).',
  unreachable: 'no answer from the server; check your connection, then try again',
  requestFailed: 'This could not be done ({error}).',
  privacySimulator: 'The round you set (type, size, instant) is sent to this server to be decided on the demo pool; the server answers and keeps nothing of it (it is not stored).',
}

export type FrameWords = typeof en
