/** categories.healthcare — Healthcare (and social services) occupations: versions healthcare-2023-1, healthcare-2024-1, healthcare-social-2025, healthcare-social-2026 (data/categories.json; CBS). */
import { categoryRule } from './catalog.js'

export const healthcareCategory = categoryRule('healthcare', 'Healthcare (and social services) occupations')
