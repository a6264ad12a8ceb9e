/** categories.agriculture — Agriculture and agri-food occupations: versions agriculture-2023-1, agriculture-2024-1, agriculture-2025 (data/categories.json; CBS). */
import { categoryRule } from './catalog.js'

export const agricultureCategory = categoryRule('agriculture', 'Agriculture and agri-food occupations')
