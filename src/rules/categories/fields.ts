/**
 * The fields of a category version in data/categories.json that the library reads (catalog.ts). The
 * others are the research record (each occupation's title again, notes on labels, dates and lists, the
 * rounds seen): kept in the file for people, left out of the web app's bundle by its build
 * (web/vite.config.ts), where they would weigh about a third of the file.
 * @module
 */
export const CATEGORY_FIELDS_READ = ['id', 'key', 'label', 'currentLabel', 'version', 'from', 'to', 'rule', 'noc', 'nocNote', 'source', 'confidence'] as const

/** data/categories.json with each version's fields cut to those the library reads. */
export function categoriesAsRead(json: { readonly categories: readonly Readonly<Record<string, unknown>>[] }): { categories: Record<string, unknown>[] } {
  return { categories: json.categories.map((c) => Object.fromEntries(CATEGORY_FIELDS_READ.filter((f) => f in c).map((f) => [f, c[f]]))) }
}

/**
 * The web pages' copy: `categoriesAsRead`, with each version's rule text (IRCC's words of the rule,
 * kept for the API and the CLI) left empty. No page prints it: eligibility's answers word each unmet
 * condition from its code and parameters, and the pages link the rule's source. About 0.6 kB gzip of
 * the calculator page (bench/web.bench.ts); test/rules/categories-fields.test.ts holds the pages'
 * catalog equal to the library's, rule texts apart.
 */
export function categoriesForPages(json: { readonly categories: readonly Readonly<Record<string, unknown>>[] }): { categories: Record<string, unknown>[] } {
  return {
    categories: categoriesAsRead(json).categories.map((c) => {
      const rule = c.rule as Readonly<Record<string, unknown>> | undefined
      return rule && typeof rule.text === 'string' ? { ...c, rule: { ...rule, text: '' } } : c
    }),
  }
}
