package org.coophub.notification.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A mail as rendered for one recipient in their language: HTML with a plain-text
 * alternative.
 */
record RenderedMail(String template, int templateVersion, String language, String subject, String text, String html) {

	String contentHash() {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			for (String part : new String[] { this.subject, this.text, this.html }) {
				sha256.update(part.getBytes(StandardCharsets.UTF_8));
				sha256.update((byte) 0);
			}
			return HexFormat.of().formatHex(sha256.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
