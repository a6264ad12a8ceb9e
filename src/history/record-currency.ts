/**
 * How far a record may stop short of the day before the product says so: the forecast's note and the
 * rounds page's line read this one number. No imports, so any page can take it.
 * @module
 */

/** Days a record may stop short of the day before a round or two could be missing from it (rounds come every week or two). */
export const RECORD_SHORT_DAYS = 14
