/**
 * Webhook delivery (Node only): a JSON body POSTed with its HMAC-SHA256 signature in `X-EE-Signature`
 * (`sha256=<hex>` of the exact body bytes, keyed by the shared secret), retried with exponential backoff
 * on a network error, a timeout, 429 or 5xx; any other 4xx is final.
 * @module
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

/** The header that carries the signature. */
export const SIGNATURE_HEADER = 'x-ee-signature'

/** `sha256=<hex>`: the HMAC-SHA256 of `body` keyed by `secret`. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`
}

/** Whether `signature` is the signature of `body` under `secret` (constant-time), for receivers. */
export function verifySignature(body: string, secret: string, signature: string | null | undefined): boolean {
  if (!signature) return false
  const expected = Buffer.from(signBody(body, secret))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

export interface DeliveryOptions {
  readonly secret: string
  /** Attempts after the first (default 4). */
  readonly retries?: number
  /** Wait before the first retry, doubled each time (default 1 s, at most 60 s). */
  readonly backoffMs?: number
  readonly timeoutMs?: number
  /** An id the receiver can use to drop a delivery it already has (`X-EE-Delivery`). */
  readonly deliveryId?: string
  readonly sleep?: (ms: number) => Promise<void>
}

export interface DeliveryResult {
  readonly ok: boolean
  readonly attempts: number
  readonly status: number | null
  readonly error?: string
}

const wait = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))

/** POSTs `payload` to `url`, signed; resolves with the outcome (never throws). */
export async function deliver(url: string, payload: unknown, options: DeliveryOptions): Promise<DeliveryResult> {
  const body = JSON.stringify(payload)
  const retries = options.retries ?? 4
  const sleep = options.sleep ?? wait
  let delay = options.backoffMs ?? 1000
  let last: DeliveryResult = { ok: false, attempts: 0, status: null, error: 'not attempted' }
  for (let attempt = 1; attempt <= retries + 1; attempt++) {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 10_000)
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'express-entry-engine (watch)',
          [SIGNATURE_HEADER]: signBody(body, options.secret),
          ...(options.deliveryId ? { 'x-ee-delivery': options.deliveryId } : {}),
        },
        body,
        signal: controller.signal,
      })
      await res.body?.cancel().catch(() => undefined)
      if (res.ok) return { ok: true, attempts: attempt, status: res.status }
      last = { ok: false, attempts: attempt, status: res.status, error: `HTTP ${res.status}` }
      if (res.status !== 429 && res.status < 500) return last
    } catch (e) {
      last = { ok: false, attempts: attempt, status: null, error: controller.signal.aborted ? 'timeout' : `network error (${(e as Error).message})` }
    } finally {
      clearTimeout(timer)
    }
    if (attempt <= retries) {
      await sleep(delay)
      delay = Math.min(delay * 2, 60_000)
    }
  }
  return last
}
