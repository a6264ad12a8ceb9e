/** The French typography rules the web's French text is checked against (test/web/french*.test.ts). @module */

/** The places a French string breaks a rule (URLs and times such as hh:mm:ss are not punctuation). */
export function problems(text: string): string[] {
  const found: string[] = []
  const prose = text.replace(/https?:\/\/\S+/g, 'URL')
  // A colon ends a phrase when a space or the end of the string follows it.
  for (const m of prose.matchAll(/(.)?:(?= |$)/g)) if (m[1] !== '\u00a0') found.push(`"${m[1] ?? ''}:" needs U+00A0 before the colon`)
  for (const m of prose.matchAll(/(.)?([;?!])(?= |$|\))/g)) if (m[1] !== '\u202f') found.push(`"${m[1] ?? ''}${m[2]}" needs U+202F before ${m[2]}`)
  if (prose.includes("'")) found.push('straight apostrophe')
  if (/«(?!\u00a0)|(?<!\u00a0)»/.test(prose)) found.push('« » need U+00A0 inside')
  if (/YYYY|MM-DD/.test(prose)) found.push('YYYY-MM-DD in French is AAAA-MM-JJ')
  for (const m of prose.matchAll(/(\d|\{\w+\}) (jours?|ans?\b|an\(s\)|mois|heures|rondes|points|cas\b|profils|candidats|avenirs|premiers|dernières|derniers|prochain|inconnues|\$)/g)) found.push(`"${m[0]}" needs U+00A0 between the number and its unit`)
  if (/\bPEC\b|\bTQF\b|\bTMSF\b/.test(prose)) found.push('IRCC’s acronyms are CEC, PTQF, PTMSF')
  if (/\bno \{?\w/.test(prose)) found.push('a round number is "nº\u00a0447"')
  if (/Ouverte à vous|\bscore\b(?! de Brier)/.test(prose.replace(/\{\w+\}/g, ''))) found.push('"note", "Accessible": not "score", "Ouverte à vous"')
  return found
}
