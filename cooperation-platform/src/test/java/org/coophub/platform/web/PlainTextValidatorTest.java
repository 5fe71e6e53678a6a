package org.coophub.platform.web;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextValidatorTest {

	private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

	private final Validator validator = FACTORY.getValidator();

	@AfterAll
	static void close() {
		FACTORY.close();
	}

	@Test
	void vietnameseAndEmojiArePlainText() {
		assertThat(
				this.validator.validate(new TextInput("Hội nghị xúc tiến đầu tư Lâm Đồng – TP.HCM 🇻🇳", "Conference")))
			.isEmpty();
	}

	@Test
	void controlCharactersSurrogateHalvesAndBidiOverridesAreRefusedNamingTheField() {
		for (String bad : Set.of("a\u0000b", "a\u001Bb", "a\u007Fb", "a\u0085b", "a\u202Eb", "a\u202Ab", "a\u2066b",
				"a\u2069b", "a\uD800b", "a\uDC00", "a\tb", "a\nb", "a\rb")) {
			Set<ConstraintViolation<TextInput>> violations = this.validator.validate(new TextInput(bad, null));
			assertThat(violations).as(bad.codePoints().boxed().toList().toString()).hasSize(1);
			assertThat(violations.iterator().next().getPropertyPath().toString()).isEqualTo("vi");
		}
		assertThat(this.validator.validate(new TextInput("Tiêu đề", "x\u202Ey"))).singleElement()
			.satisfies((violation) -> assertThat(violation.getPropertyPath().toString()).isEqualTo("en"));
	}

	@Test
	void multilineTextMayHoldTabsAndLineBreaks() {
		assertThat(PlainTextValidator.firstFault("dòng 1\r\n\tdòng 2", true)).isEqualTo(-1);
		assertThat(PlainTextValidator.firstFault("dòng 1\r\n\tdòng 2", false)).isEqualTo(6);
		assertThat(PlainTextValidator.firstFault("dòng\u0000", true)).isEqualTo(4);
	}

}
