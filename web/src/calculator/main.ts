/**
 * The calculator page: the candidate's journey (web/src/journey): a form over one Profile, and from it the
 * CRS score, eligibility, what would raise the score or open a program, the changes ahead and past rounds.
 * @module
 */
import { startJourney } from '../journey/main.js'

startJourney('calculator')
