// Declaration of a Weasis 4.7 type (shared/notes/weasis-api.md) for compiling the RadAssist bridge.
// Minimal body; never shipped: Weasis provides the real type at runtime.
package org.weasis.core.ui.editor;

import org.weasis.core.api.explorer.model.AbstractFileModel;

/**
 * Weasis' default data model (ViewerPluginBuilder.DefaultDataModel). Weasis' viewers fire
 * NULL_SELECTION on it when the last viewer closes.
 */
public class FileModel extends AbstractFileModel {}
