/** categories.senior-managers — Senior managers with Canadian work experience: versions senior-managers-2026 (data/categories.json; CBS). */
import { categoryRule } from './catalog.js'

export const seniorManagersCategory = categoryRule('senior-managers', 'Senior managers with Canadian work experience')
