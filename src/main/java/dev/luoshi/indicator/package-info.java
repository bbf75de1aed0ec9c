/**
 * Economic and livelihood indicators (指标: 地区生产总值, 规上工业增加值, 固定资产投资 …) with their targets,
 * actuals and growth per region and period, and land efficiency (亩均论英雄): enterprises with
 * their yearly tax, output and energy use, scored per 亩 against configurable benchmarks
 * and graded A to D. The evaluation module reads both through
 * {@link dev.luoshi.indicator.Indicators#achievements} and
 * {@link dev.luoshi.indicator.LandEfficiency#unitScores}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "organization", "identity" })
package dev.luoshi.indicator;
