package org.radassist.weasis.bridge.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "RadAssist Weasis host",
    description =
        "How RadAssist sees the Weasis user. Weasis has no roles of its own: the administrator"
            + " grants them here.")
public @interface WeasisHostConfig {

  @AttributeDefinition(
      name = "User roles",
      description =
          "Roles of every Weasis user on this workstation: RADIOLOGIST, RESIDENT, TECHNOLOGIST,"
              + " ADMINISTRATOR, VIEWER. Only RADIOLOGIST may approve drafts.")
  String[] roles() default {"RADIOLOGIST"};

  @AttributeDefinition(
      name = "User id",
      description =
          "Overrides the user id (default: the Weasis property weasis.user, else the OS user).")
  String user_id() default "";
}
