/**
 * The digest of a round's ranked input, so anyone can re-run the round and verify it.
 *
 * What is hashed (SHA-256, hex, over UTF-8 text; every line ends with "\n"):
 *   line 1: `express-entry round v1`
 *   line 2: `kind=<general|program|category> program=<id or -> category=<id or -> size=<N> at=<instant as given> date=<YYYY-MM-DD>`
 *   then one line per eligible candidate, in rank order (CRS descending, then submittedAt ascending,
 *   then profile id): `<rank>\t<profileId>\t<score>\t<submittedAt as given>`, rank counting from 1.
 * Every eligible candidate is listed, invited or not, so the digest also pins who was left out.
 * @module
 */
import { createHash } from 'node:crypto'
import type { RoundRequest } from './round-request.js'

export interface RankedCandidate {
  readonly profileId: string
  readonly score: number
  readonly submittedAt: string
}

const DIGEST_HEADER = 'express-entry round v1'

function digestHeader(request: Pick<RoundRequest, 'kind' | 'program' | 'category' | 'size' | 'at'>): string {
  return `${DIGEST_HEADER}\nkind=${request.kind} program=${request.program ?? '-'} category=${request.category ?? '-'} size=${request.size} at=${request.at} date=${request.at.slice(0, 10)}\n`
}

/** SHA-256 (hex) of the ranked input of a round. */
export function rankedDigest(request: Pick<RoundRequest, 'kind' | 'program' | 'category' | 'size' | 'at'>, ranked: readonly RankedCandidate[]): string {
  const hash = createHash('sha256')
  hash.update(digestHeader(request))
  // Hash in chunks: a million lines joined at once would be one huge string.
  let chunk = ''
  for (let i = 0; i < ranked.length; i++) {
    const c = ranked[i]!
    chunk += `${i + 1}\t${c.profileId}\t${c.score}\t${c.submittedAt}\n`
    if (chunk.length > 65_536) {
      hash.update(chunk)
      chunk = ''
    }
  }
  hash.update(chunk)
  return hash.digest('hex')
}
