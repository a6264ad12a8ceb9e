/** categories.education — Education occupations: versions education-2025, education-2026 (data/categories.json; CBS). */
import { categoryRule } from './catalog.js'

export const educationCategory = categoryRule('education', 'Education occupations')
