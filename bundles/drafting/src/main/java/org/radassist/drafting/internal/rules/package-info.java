/**
 * The deterministic scoring rules of the published reporting systems, as pure functions: Lung-RADS
 * v2022 (size, type, growth, stepped management), Fleischner 2017, BI-RADS 5th edition, LI-RADS
 * CT/MRI v2018 diagnostic table, PI-RADS v2.1 and ACR TI-RADS. The embedded engine fills structured
 * fields with them. Thresholds follow shared/notes/rules.md; every published boundary has a test.
 * Private to the bundle (was the exported {@code org.radassist.drafting.rules} 1.0.0, which no
 * other module used).
 */
package org.radassist.drafting.internal.rules;
