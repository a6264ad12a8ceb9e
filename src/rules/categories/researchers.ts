/** categories.researchers — Researchers with Canadian work experience: versions researchers-2026 (data/categories.json; CBS). */
import { categoryRule } from './catalog.js'

export const researchersCategory = categoryRule('researchers', 'Researchers with Canadian work experience')
