package org.coophub.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Text people read is plain text: no control characters (a NUL, an escape, a form feed…),
 * no half of a surrogate pair, and no bidirectional override or isolate (U+202A–U+202E,
 * U+2066–U+2069), which make a title display as something else than what it says ("Trojan
 * Source") and break the documents it is printed in. Tab and line breaks only where the
 * text may have several lines ({@link #multiline()}). Null is valid.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
		ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

	/** Whether tab, line feed and carriage return are allowed (descriptions, notes). */
	boolean multiline() default false;

	/**
	 * In English and Vietnamese: cooperation-platform's
	 * {@code ContributorValidationMessages}.
	 */
	String message() default "{org.coophub.platform.web.PlainText.message}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
