/**
 * The eligibility page: the same journey as the calculator (one form, one Profile kept on the device),
 * opened at the programs and categories.
 * @module
 */
import { startJourney } from '../journey/main.js'

startJourney('eligibility')
