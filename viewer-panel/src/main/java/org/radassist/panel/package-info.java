/**
 * The RadAssist tool for a viewer: one Swing component holding the findings, draft review,
 * impressions, structured fields, flags, prior comparison and SR views. {@link
 * org.radassist.panel.RadAssistPanels} builds it outside OSGi; inside OSGi a PanelContribution
 * service does the same. The ports a host or another RadAssist bundle plugs in are here: {@link
 * org.radassist.panel.DecisionListener} (anything told of decisions; the tool audits them itself in
 * the trail given to it), {@link org.radassist.panel.SrDocumentReader} (the SR reader) and {@link
 * org.radassist.panel.PriorComparisonSource} (the prior comparison).
 *
 * <p>2.0.0: {@link org.radassist.panel.RadAssistTool} and {@link org.radassist.panel.PanelRenderer}
 * are interfaces, the tool's implementation internal (issue 16). 2.1.0: {@code
 * Decision.Target.ACTIONABLE_FINDING} (an ACR category 3 communication).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.1.0")
package org.radassist.panel;
