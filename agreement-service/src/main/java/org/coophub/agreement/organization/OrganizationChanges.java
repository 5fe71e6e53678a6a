package org.coophub.agreement.organization;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.coophub.platform.web.PlainText;
import org.coophub.platform.web.TextInput;

/**
 * A PATCH of an organization: the fields sent replace the stored ones. The code never
 * changes; {@code contacts}, when sent, is the whole new list.
 */
record OrganizationChanges(@Valid TextInput name, OrganizationKind kind, @Size(max = 100) @PlainText String province,
		@Size(max = 50) List<@NotBlank @Size(max = 200) @PlainText String> departments,
		@Size(max = 100) List<@NotNull @Valid ContactInput> contacts) {
}
