/** categories.trade — Trade occupations: versions trade-2023-1, trade-2024-1, trade-2025, trade-2026 (data/categories.json; CBS). */
import { categoryRule } from './catalog.js'

export const tradeCategory = categoryRule('trade', 'Trade occupations')
