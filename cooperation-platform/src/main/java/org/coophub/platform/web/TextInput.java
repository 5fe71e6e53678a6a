package org.coophub.platform.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.coophub.events.common.LocalizedText;

/**
 * Text people read, as typed in: Vietnamese required, English optional (shown in
 * Vietnamese until someone translates it). One line of {@link PlainText} each.
 */
public record TextInput(@NotBlank @Size(max = 300) @PlainText String vi, @Size(max = 300) @PlainText String en) {

	public LocalizedText toText() {
		return new LocalizedText(this.vi.strip(), (this.en != null) ? this.en.strip() : null);
	}

}
