/** The words of the frame every page shares (web/src/layout.ts), in French: web/src/i18n.ts loads one language's. @module */
import type { FrameWords } from './frame.en.js'

export const fr: Record<keyof FrameWords, string> = {
  appName: 'Moteur Entrée express',
  skip: 'Aller au contenu',
  navHome: 'Accueil',
  navCalculator: 'Calculateur du SCG',
  navEligibility: 'Admissibilité',
  navRounds: 'Rondes passées',
  navSimulator: 'Simulateur de rondes',
  navForecast: 'Quand serai-je invité\u202f?',
  navApi: 'API',
  switchLang: 'English',
  switchLangLabel: 'Show this page in English',
  privacy: 'Tout ce que vous saisissez reste dans votre navigateur\u00a0: tout est calculé sur cet appareil.',
  privacyForecast: 'Ce que vous collez sur cette page est envoyé à ce serveur pour calculer la prévision\u202f; le serveur répond et n’en garde rien (rien n’est enregistré).',
  unreachable: 'aucune réponse du serveur\u202f; vérifiez votre connexion, puis réessayez',
  requestFailed: 'Cela n’a pas pu être fait ({error}).',
  privacySimulator: 'La ronde que vous définissez (type, taille, instant) est envoyée à ce serveur pour être décidée sur le bassin de démonstration\u202f; le serveur répond et n’en garde rien (rien n’est enregistré).',
}
