/** Instants as the pages show them (pure: no page state), the same in both languages. @module */

/** `2023-07-05T13:38:22Z` → `2023-07-05 13:38:22 UTC`. */
export function stamp(instant: string): string {
  return instant.replace('T', ' ').replace(/Z$/, ' UTC')
}
