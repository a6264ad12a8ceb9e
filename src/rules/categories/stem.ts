/** categories.stem — STEM occupations: versions stem-2023-1, stem-2024-1, stem-2025, stem-2026 (data/categories.json; CBS). */
import { categoryRule } from './catalog.js'

export const stemCategory = categoryRule('stem', 'STEM occupations')
