/** The Round input (DESIGN.md), validated: each problem said once, on its field. */
import { describe, expect, it } from 'vitest'
import { isExpressEntryError } from '../../src/errors.js'
import { parseRoundRequest } from '../../src/pool/round-request.js'

const issuesOf = (input: unknown) => {
  try {
    parseRoundRequest(input)
    return []
  } catch (e) {
    if (!isExpressEntryError(e, 'invalid_input')) throw e
    return e.details.issues.map((i) => ({ path: i.path, message: i.message }))
  }
}

describe('parseRoundRequest', () => {
  it('a category round with an empty category is one issue, on category', () => {
    expect(issuesOf({ at: '2023-07-05T13:38:22Z', kind: 'category', category: '', size: 10 })).toEqual([{ path: 'category', message: 'a category round needs a category id, e.g. stem-2023-1 (got "")' }])
  })

  it('a category given to a round of another kind is refused, even empty (never ignored)', () => {
    expect(issuesOf({ at: '2023-07-05T13:38:22Z', kind: 'general', category: '', size: 10 })).toEqual([{ path: 'category', message: 'category is only allowed when kind is category (got kind general) (got "")' }])
  })
})
