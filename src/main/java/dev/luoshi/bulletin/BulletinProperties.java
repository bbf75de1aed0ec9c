package dev.luoshi.bulletin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of bulletins: the issuing office's name (发文机关标志, e.g. 临江区人民政府督查室) and the word
 * of the document numbers (e.g. 临督通 in 临督通〔2026〕5号). Left out, both are taken from the
 * name of the first region of the unit tree.
 */
@ConfigurationProperties("luoshi.bulletin")
public record BulletinProperties(String issuer, String numberPrefix) {

}
