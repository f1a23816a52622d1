/**
 * The wire form of the drafting contract ({@code POST /v1/drafts}): the request body as JSON in the
 * contract's snake_case shape, and every {@link org.radassist.drafting.DraftEvent} as an SSE event
 * name plus JSON data. The remote client, the drafting service and the speech hook share it so that
 * all of them agree byte for byte on what the contract means.
 *
 * <p>2.0.0: {@code DraftWire} is an interface ({@code DraftWire.create()}; the codec is internal).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.radassist.drafting.wire;
