package org.coophub.agreement.agreement;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.coophub.platform.web.PlainText;

/**
 * The optional body of a lifecycle change (activate, suspend, resume, terminate).
 *
 * @param effectiveOn the day the change takes effect in the agreement's time zone: today
 * by default; may be in the past (history typed in later), never in the future
 * @param note why, kept in the history
 */
@Schema(example = """
		{"effectiveOn": "2009-10-15", "note": "Ký kết ngày 15/10/2009, nhập lại từ hồ sơ lưu trữ"}
		""")
record TransitionInput(LocalDate effectiveOn, @Size(max = 1000) @PlainText(multiline = true) String note) {

	static final TransitionInput NONE = new TransitionInput(null, null);

}
