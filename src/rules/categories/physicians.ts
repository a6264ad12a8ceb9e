/** categories.physicians — Physicians with Canadian work experience: versions physicians-canadian-experience (data/categories.json; CBS). */
import { categoryRule } from './catalog.js'

export const physiciansCategory = categoryRule('physicians', 'Physicians with Canadian work experience')
