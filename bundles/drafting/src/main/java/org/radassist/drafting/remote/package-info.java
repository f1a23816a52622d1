/**
 * The remote DraftingService: the drafting service's {@code POST /v1/drafts} over HTTP with SSE
 * (OkHttp + okhttp-sse), with timeouts, retries only before the first event or by resuming with
 * Last-Event-ID, backoff with full jitter and Retry-After, one Idempotency-Key per user request,
 * and cancellation.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.radassist.drafting.remote;
