/**
 * The organisation: the unit tree (region → department / street → village / community),
 * people (who need not have an account), the posts they hold, leaders' portfolios (分管)
 * and the peer groups units are ranked in. A lower module: it knows nothing of the
 * others.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package dev.luoshi.organization;
