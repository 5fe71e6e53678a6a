package org.coophub.agreement.agreement;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.coophub.platform.web.PlainText;

/**
 * The optional body of a party's answer (accept, decline).
 *
 * @param note why, kept in the history and sent with the event; may be absent
 */
record PartyAnswerInput(@Schema(example = "Đồng ý tham gia theo Công văn số 125/BQL-VP ngày 20/10/2009") @Size(
		max = 1000) @PlainText(multiline = true) String note) {

	static final PartyAnswerInput NONE = new PartyAnswerInput(null);

}
