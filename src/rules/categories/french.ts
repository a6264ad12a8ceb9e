/** categories.french — French-language proficiency: versions french-2023-1, french-2024-1, french-2025, french-2026 (data/categories.json; CBS). */
import { categoryRule } from './catalog.js'

export const frenchCategory = categoryRule('french', 'French-language proficiency')
