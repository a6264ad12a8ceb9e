/**
 * The web pages' copy of data/noc2021.json: the 516 unit groups, each with its code, title and TEER, as
 * src/noc/index.ts reads them, written compactly. The file's own form (an object per unit group, its
 * three keys spelt out 516 times, the provenance note and source) weighed 9.1 kB gzip of the calculator
 * page's 80 kB budget (bench/web.bench.ts); the codes as one string of five-digit runs and the titles as
 * one string, one per line, weigh about 2.5 kB less. The TEER is the code's second digit (NOC 2021's
 * structure, held for every unit group by test/noc/for-pages.test.ts). Applied by web/vite.config.ts,
 * which gives src/noc/index.ts this module in place of the JSON; the test holds the unit groups it
 * builds equal to the file's.
 * @module
 */

/** A unit group as data/noc2021.json holds it. */
interface UnitGroupRow {
  readonly code: string
  readonly title: string
  readonly teer: number
}

/**
 * A JavaScript expression that builds `{ unitGroups }` (the part of data/noc2021.json src/noc/index.ts
 * reads) from the compact form. Throws when a row cannot be written so: a code that is not five digits,
 * a TEER other than the code's second digit, a title on more than one line.
 */
export function nocExpressionForPages(json: { readonly unitGroups: readonly UnitGroupRow[] }): string {
  for (const u of json.unitGroups) {
    if (!/^\d{5}$/.test(u.code)) throw new Error(`data/noc2021.json: code ${JSON.stringify(u.code)} is not five digits`)
    if (u.teer !== Number(u.code[1])) throw new Error(`data/noc2021.json: ${u.code} has TEER ${u.teer}, not its second digit`)
    if (/[\n\r]/.test(u.title)) throw new Error(`data/noc2021.json: ${u.code}'s title has a line break`)
  }
  const codes = JSON.stringify(json.unitGroups.map((u) => u.code).join(''))
  const titles = JSON.stringify(json.unitGroups.map((u) => u.title).join('\n'))
  return `{unitGroups:${titles}.split("\\n").map((title,i)=>{const code=${codes}.slice(5*i,5*i+5);return{code,title,teer:+code[1]}})}`
}

/** The module the pages import in place of data/noc2021.json. */
export function nocModuleForPages(jsonText: string): string {
  return `export default ${nocExpressionForPages(JSON.parse(jsonText) as { unitGroups: UnitGroupRow[] })}\n`
}
