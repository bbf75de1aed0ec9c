/**
 * The shared kernel every module may use: paging, the clock, domain errors with stable
 * codes and the change event from which the audit trail is written.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.luoshi.shared;
