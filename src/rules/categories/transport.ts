/** categories.transport — Transport occupations: versions transport-2023-1, transport-2024-1, transport-2026 (data/categories.json; CBS). */
import { categoryRule } from './catalog.js'

export const transportCategory = categoryRule('transport', 'Transport occupations')
