/**
 * The one way to build a {@link org.radassist.drafting.DraftRequest}: {@link
 * org.radassist.drafting.request.DraftRequestFactory} takes what the viewer knows (a {@link
 * org.radassist.model.StudyContext}, raw dictation, AI findings, prior studies) and returns the
 * minimised request (keyed opaque tokens, days relative to the study, age in years with 90+
 * collapsed, free text scrubbed by {@link org.radassist.model.privacy.TextScrubber}). Every caller
 * (speech hook, panel, workstation, command line, evaluation, vendors' hosts) uses it. 2.0.0: the
 * factory is an interface (its implementation is internal to the bundle).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.radassist.drafting.request;
