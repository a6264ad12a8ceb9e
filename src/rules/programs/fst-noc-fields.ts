/**
 * The field of data/fst-noc.json the library reads (src/rules/programs/fst.ts): `canadaCaVariant`, the
 * skilled trades as canada.ca lists them. The others (the groups with their titles, the brief's list,
 * the note on both) are the research record, kept in the file for people and left out of the web app's
 * bundle by its build (web/vite.config.ts), where they weighed three quarters of the file.
 * test/rules/fst-noc-fields.test.ts holds that fst.ts reads no other field.
 * @module
 */
export const FST_NOC_FIELDS_READ = ['canadaCaVariant'] as const

/** data/fst-noc.json cut to the field the library reads. */
export function fstNocAsRead(json: { readonly canadaCaVariant: readonly string[] }): { canadaCaVariant: readonly string[] } {
  if (!Array.isArray(json.canadaCaVariant)) throw new Error('data/fst-noc.json: no canadaCaVariant list')
  return { canadaCaVariant: json.canadaCaVariant }
}
