/**
 * The panel's state as a host reads it, free of Swing: read-only interfaces ({@link
 * org.radassist.panel.model.PanelState}, {@link org.radassist.panel.model.DraftReview}, {@link
 * org.radassist.panel.model.CriticalCommunication}) and the records they hand out. What the
 * findings, draft review, critical-result banner, prior comparison and SR views show; the rules of
 * accept / edit / reject / undo and the mutators live in the panel's internal model. Confined to
 * one thread (the Swing event thread in a viewer).
 *
 * <p>3.0.0: the classes became read-only interfaces (issue 16).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("3.0.0")
package org.radassist.panel.model;
