package org.coophub.agreement.agreement;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;
import org.coophub.platform.web.PlainText;

/**
 * The next period of an expired agreement: it starts the day after the last one ended.
 *
 * @param endsOn when the next period ends; by default it lasts as long as the last one
 * @param effectiveOn the day the renewal takes effect, as for every lifecycle change
 * ({@link TransitionInput})
 */
record RenewInput(LocalDate endsOn, @Size(max = 1000) @PlainText(multiline = true) String note, LocalDate effectiveOn) {

	RenewInput(LocalDate endsOn, String note) {
		this(endsOn, note, null);
	}

}
