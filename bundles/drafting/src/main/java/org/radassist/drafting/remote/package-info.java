/**
 * The remote DraftingService: the drafting service's {@code POST /v1/drafts} over HTTP with SSE
 * (OkHttp + okhttp-sse), with timeouts, retries only before the first event or by resuming with
 * Last-Event-ID, backoff with full jitter and Retry-After, one Idempotency-Key per user request,
 * and cancellation.
 *
 * <p>2.0.0: {@code RemoteDraftingService} is an interface ({@code
 * RemoteDraftingService.create(...)} instead of its constructors; the OkHttp client is internal).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.radassist.drafting.remote;
