/**
 * The one decoding policy (src/utf8.ts): strict UTF-8 with the place of the first bad byte, and JSON
 * Lines read in linear time with long lines refused unread.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeUtf8, invalidUtf8Offset, jsonlLines } from '../../src/utf8.js'
import { isExpressEntryError } from '../../src/errors.js'

const fatal = new TextDecoder('utf-8', { fatal: true })

/**
 * The obvious (slow) answer: where a strict decoder would fail, i.e. the length of the longest prefix
 * it accepts (every longer prefix holds the bad byte).
 */
function firstBadByte(bytes: Uint8Array): number {
  const ok = (end: number): boolean => {
    try {
      fatal.decode(bytes.subarray(0, end))
      return true
    } catch {
      return false
    }
  }
  if (ok(bytes.length)) return -1
  let k = bytes.length
  while (!ok(k)) k--
  return k
}

async function* chunks(bytes: Uint8Array, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  let at = 0
  for (const c of [...cuts].sort((a, b) => a - b)) {
    if (c <= at || c >= bytes.length) continue
    yield bytes.subarray(at, c)
    at = c
  }
  yield bytes.subarray(at)
}

describe('invalidUtf8Offset', () => {
  it.each([
    ['valid ASCII', [0x7b, 0x7d], -1],
    ['valid é', [0x63, 0xc3, 0xa9], -1],
    ['Latin-1 é', [0x6a, 0x6f, 0x73, 0xe9], 3],
    ['overlong /', [0x7b, 0xc0, 0xaf], 1],
    ['surrogate', [0x22, 0xed, 0xa0, 0x80], 1],
    ['cut at the end', [0x22, 0xe2, 0x82], 1],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['0xFF', [0xff], 0],
  ])('%s → %i', (_what, bytes, offset) => {
    expect(invalidUtf8Offset(Uint8Array.from(bytes))).toBe(offset)
  })

  it('is -1 exactly when a strict decoder accepts, and otherwise the offset where it fails', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 10 }), (noise, text) => {
        const bytes = Buffer.concat([Buffer.from(text), noise])
        expect(invalidUtf8Offset(bytes)).toBe(firstBadByte(bytes))
      }),
      { numRuns: 2000 },
    )
  })

  it('decodeUtf8 names the input, the line and the offset, and replaces nothing', () => {
    try {
      decodeUtf8(Buffer.from('{}\n{"id":"jos\xe9"}\n', 'latin1'), 'pool.jsonl')
      expect.unreachable()
    } catch (e) {
      expect(isExpressEntryError(e, 'invalid_input')).toBe(true)
      expect((e as Error).message).toBe('pool.jsonl is not valid UTF-8: invalid UTF-8 (byte 0xE9) on line 2 at byte offset 10 of the line (offset 13 of the input); save it as UTF-8')
    }
    expect(decodeUtf8(Buffer.from('\ufeff{"id":"josé"}'), 'x')).toBe('{"id":"josé"}')
  })
})

describe('jsonlLines', () => {
  it('gives the lines of a text however the stream cuts its bytes (LF or CRLF, a byte-order mark, blank lines counted)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constant(''), fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 12 }), fc.boolean(), fc.array(fc.nat(200), { maxLength: 6 }), async (lines, crlf, cuts) => {
        const clean = lines.map((l) => l.replace(/[\r\n]/g, ''))
        const text = `\ufeff${clean.join(crlf ? '\r\n' : '\n')}`
        const got = []
        for await (const l of jsonlLines(chunks(Buffer.from(text), cuts))) got.push(l)
        const expected = clean.map((l, i) => ({ line: i + 1, text: l })).filter((l) => l.text.trim() !== '')
        expect(got).toEqual(expected)
      }),
      { numRuns: 300 },
    )
  })

  it('a line over the limit is an error with its number and length, without its content; the next lines go on', async () => {
    const text = Buffer.from(`{"a":1}\n${'x'.repeat(5000)}\n{"b":2}\nbad\xe9\n`, 'latin1')
    const got = []
    for await (const l of jsonlLines(chunks(text, [3, 100, 2000, 4000, 5010]), 1000)) got.push(l)
    expect(got).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, error: 'the line is 5000 bytes long: lines are limited to 1000 bytes (1000 bytes); it was skipped unread' },
      { line: 3, text: '{"b":2}' },
      { line: 4, error: 'not valid UTF-8: invalid UTF-8 (byte 0xE9) at byte offset 3 of the line; save the file as UTF-8' },
    ])
  })

  it('is linear in a line\'s length: 64 MB in 64 kB chunks holds at most the limit and takes well under a second a 16 MB', async () => {
    const chunk = Buffer.alloc(1 << 16, 0x78)
    async function* stream(n: number) {
      for (let i = 0; i < n; i++) yield chunk
      yield Buffer.from('\n{}\n')
    }
    const time = async (n: number): Promise<number> => {
      const start = performance.now()
      const got = []
      for await (const l of jsonlLines(stream(n))) got.push(l)
      expect(got).toEqual([{ line: 1, error: expect.stringMatching(/^the line is \d+ bytes long/) }, { line: 2, text: '{}' }])
      return performance.now() - start
    }
    await time(17)
    const small = await time(256) // 16 MB
    const large = await time(1024) // 64 MB
    expect(large).toBeLessThan(Math.max(small, 20) * 12)
  })
})
