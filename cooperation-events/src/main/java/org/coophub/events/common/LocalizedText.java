package org.coophub.events.common;

/**
 * Text people read, in Vietnamese and English.
 */
public record LocalizedText(String vi, String en) {

	public String in(String language) {
		if ("en".equals(language)) {
			return (this.en != null && !this.en.isBlank()) ? this.en : this.vi;
		}
		return (this.vi != null && !this.vi.isBlank()) ? this.vi : this.en;
	}

}
