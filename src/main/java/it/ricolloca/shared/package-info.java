/** Shared kernel: value types, page layout, error pages, web, database and security plumbing; depends on no module. */
@ApplicationModule(displayName = "Shared", type = ApplicationModule.Type.OPEN)
package it.ricolloca.shared;

import org.springframework.modulith.ApplicationModule;

