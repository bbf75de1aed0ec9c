package dev.luoshi.indicator;

/**
 * An enterprise's land-efficiency class (亩均效益分类): A 优先发展, B 提升发展, C 帮扶转型, D 整治淘汰, by the
 * composite score against the configured thresholds.
 */
public enum Grade {

	A, B, C, D

}
