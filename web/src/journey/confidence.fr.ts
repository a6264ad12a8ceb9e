/**
 * The confidence note of each category version (data/categories.json `confidence`, in English) in French,
 * keyed by the version's id; loaded on French pages only. test/web/confidence-fr.test.ts checks that
 * every version has one, and that the English note it translates has not changed since. The sources stay as cited (addresses and their English notes).
 * @module
 */
export const CONFIDENCE_FR: Readonly<Record<string, string>> = {
  'french-2023-1': 'élevée',
  'healthcare-2023-1': 'élevée',
  'stem-2023-1': 'élevée',
  'trade-2023-1': 'élevée',
  'transport-2023-1': 'élevée',
  'agriculture-2023-1': 'élevée',
  'french-2024-1': 'élevée (intitulé), moyenne (date de fin)',
  'healthcare-2024-1': 'élevée (liste), non confirmée (intitulé d’origine 2024-1)',
  'stem-2024-1': 'élevée',
  'trade-2024-1': 'élevée (liste inchangée au renouvellement), non confirmée (intitulé d’origine)',
  'transport-2024-1': 'élevée',
  'agriculture-2024-1': 'moyenne\u00a0: catégorie renouvelée pour 2024 avec la même liste\u202f; aucune ronde n’a eu lieu sous un intitulé 2024-1',
  'french-2025': 'élevée (règle), non confirmée (intitulé d’origine)',
  'healthcare-social-2025': 'moyenne à élevée',
  'stem-2025': 'élevée',
  'trade-2025': 'élevée',
  'education-2025': 'élevée',
  'agriculture-2025': 'élevée',
  'physicians-canadian-experience': 'élevée (codes), moyenne (détails de la règle)',
  'french-2026': 'élevée (intitulé), moyenne (règle inchangée). Remarque\u00a0: la première ronde, le 2026-02-06, précède l’annonce du 2026-02-18.',
  'healthcare-social-2026': 'moyenne (liste)\u00a0: une transcription mot à mot de la page officielle (vérifiée le 2026-08-26) et l’accord de sources tierces\u202f; la liste est celle de 2025, inchangée',
  'stem-2026': 'moyenne (liste)\u00a0: une transcription mot à mot de la page officielle (vérifiée le 2026-08-26) et l’accord de sources tierces\u202f; la liste est celle de 2025, inchangée',
  'trade-2026': 'moyenne à faible',
  'education-2026': 'moyenne (liste)\u00a0: une transcription mot à mot de la page officielle (vérifiée le 2026-08-26) et l’accord de sources tierces\u202f; la liste est celle de 2025, inchangée',
  'transport-2026': 'élevée',
  'senior-managers-2026': 'élevée (codes), moyenne (règle)',
  'researchers-2026': 'élevée (codes), moyenne (règle)',
  'military-2026': 'moyenne (règle\u00a0: plusieurs sources secondaires concordent\u202f; le texte des instructions est introuvable), élevée (codes)',
}
