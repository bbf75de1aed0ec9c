/**
 * The working-day calendar: weekends, China's official holidays and make-up working days
 * (调休) per year as data (seeded from the project's data file, editable and importable by
 * administrators), "N working days before/after" and working-hour arithmetic for
 * deadlines and SLAs. A year without a published schedule counts only weekends and is
 * flagged provisional. A lower module: it knows nothing of the others.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package dev.luoshi.calendar;
