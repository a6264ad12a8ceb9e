/**
 * Turns zod's JIT off before any schema is built: the pages' Content-Security-Policy forbids eval, and
 * zod's probe for it (at the first object schema) would log a CSP violation. Import it first.
 * @module
 */
import { z } from 'zod'

z.config({ jitless: true })
