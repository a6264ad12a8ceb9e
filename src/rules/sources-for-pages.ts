/**
 * The web pages' copy of src/rules/sources.ts: every instrument with its key, kind and address, and an
 * empty title. The pages link each condition to its source's address and never print the title (the API
 * and the CLI do), and the 45 titles weigh about 2 kB of the calculator page's gzip budget
 * (bench/web.bench.ts). Applied by web/vite.config.ts; test/rules/sources-for-pages.test.ts holds the
 * instruments it leaves equal to the library's, titles apart.
 * @module
 */

/** sources.ts's text with each instrument's title written as an empty string. */
export function withoutSourceTitles(code: string): string {
  return code.replace(/^( {4}title: )(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"),$/gm, "$1'',")
}
