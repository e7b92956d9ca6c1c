/** Shared kernel: value types, page layout, error pages, web, database and security plumbing; depends on no module. */
@org.springframework.modulith.ApplicationModule(displayName = "Shared", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package it.ricolloca.shared;
