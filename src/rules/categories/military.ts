/** categories.military — Skilled military recruits: versions military-2026 (data/categories.json; CBS). */
import { categoryRule } from './catalog.js'

export const militaryCategory = categoryRule('military', 'Skilled military recruits')
