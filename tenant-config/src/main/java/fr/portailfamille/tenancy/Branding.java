package fr.portailfamille.tenancy;

/**
 * How a commune looks: its colours (hex {@code #rrggbb}) and its logo (an SVG document, may be null).
 * The primary colour is used as a background under white text, so it must contrast with white.
 */
public record Branding(String primaryColor, String accentColor, String logoSvg) {
}
