/** Every category's dated rule, by key. @module */
import type { Rule } from '../rule.js'
import type { CategoryVersion } from './catalog.js'
import { agricultureCategory } from './agriculture.js'
import { educationCategory } from './education.js'
import { frenchCategory } from './french.js'
import { healthcareCategory } from './healthcare.js'
import { militaryCategory } from './military.js'
import { physiciansCategory } from './physicians.js'
import { researchersCategory } from './researchers.js'
import { seniorManagersCategory } from './senior-managers.js'
import { stemCategory } from './stem.js'
import { tradeCategory } from './trade.js'
import { transportCategory } from './transport.js'

export const categoryRules: readonly Rule<CategoryVersion>[] = [
  frenchCategory,
  healthcareCategory,
  stemCategory,
  tradeCategory,
  transportCategory,
  agricultureCategory,
  educationCategory,
  physiciansCategory,
  seniorManagersCategory,
  researchersCategory,
  militaryCategory,
]
