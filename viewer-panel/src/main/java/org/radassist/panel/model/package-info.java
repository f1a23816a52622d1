/**
 * The panel's state, free of Swing: what the findings, draft review, critical-result banner, prior
 * comparison and SR views show, and the rules of accept / edit / reject / undo. Views only render
 * it and forward gestures; it is confined to one thread (the Swing event thread in a viewer).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.radassist.panel.model;
