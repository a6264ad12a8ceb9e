/**
 * The dated facts of a person (credentials completed, ECAs issued, tests taken, jobs started), with
 * their paths: what the Profile's born-before check and the forecast's facts-after-the-day note read.
 * Kept apart from src/schemas/profile.ts, whose zod schemas are built when it loads, so the web
 * forecast that runs on the device does not carry zod (bench/web.bench.ts).
 * @module
 */
import type { Credential, Job } from '../schemas/profile.js'

/** A dated fact of a person: a credential completed, an ECA issued, a test taken, a job started. */
export interface PersonFact {
  readonly path: readonly (string | number)[]
  readonly date: string
  readonly kind: 'credential' | 'eca' | 'test' | 'job'
}

/** The dated facts of a person (the candidate or the spouse), with their paths in the person. */
export function personFacts(person: { readonly education?: readonly Credential[] | undefined; readonly languageTests?: readonly { readonly testDate: string }[] | undefined; readonly work?: readonly Job[] | undefined }): PersonFact[] {
  const out: PersonFact[] = []
  person.education?.forEach((c, i) => {
    out.push({ path: ['education', i, 'completedOn'], date: c.completedOn, kind: 'credential' })
    if (c.eca) out.push({ path: ['education', i, 'eca', 'issuedOn'], date: c.eca.issuedOn, kind: 'eca' })
  })
  person.languageTests?.forEach((t, i) => out.push({ path: ['languageTests', i, 'testDate'], date: t.testDate, kind: 'test' }))
  person.work?.forEach((w, i) => out.push({ path: ['work', i, 'from'], date: w.from, kind: 'job' }))
  return out
}

