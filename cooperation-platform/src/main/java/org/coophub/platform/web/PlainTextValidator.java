package org.coophub.platform.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link PlainText}; {@link #firstFault} is the rule itself, for checks outside
 * Bean Validation (query parameters).
 */
public class PlainTextValidator implements ConstraintValidator<PlainText, CharSequence> {

	private boolean multiline;

	@Override
	public void initialize(PlainText annotation) {
		this.multiline = annotation.multiline();
	}

	@Override
	public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
		return value == null || firstFault(value, this.multiline) < 0;
	}

	/**
	 * Where the text stops being plain text.
	 * @param text the text
	 * @param multiline whether tab, line feed and carriage return are allowed
	 * @return the index of the first character at fault, or -1 if there is none
	 */
	public static int firstFault(CharSequence text, boolean multiline) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
				continue;
			}
			if (!allowed(c, multiline)) {
				return i;
			}
		}
		return -1;
	}

	private static boolean allowed(char c, boolean multiline) {
		if (c == '\t' || c == '\n' || c == '\r') {
			return multiline;
		}
		boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
		boolean bidiOverride = (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
		return !control && !bidiOverride && !Character.isSurrogate(c);
	}

}
