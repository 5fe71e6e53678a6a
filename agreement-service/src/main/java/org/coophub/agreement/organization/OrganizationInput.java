package org.coophub.agreement.organization;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.coophub.platform.web.PlainText;
import org.coophub.platform.web.TextInput;

@Schema(example = """
		{"code": "BQL-LD", "name": {"vi": "Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng",
		                            "en": "Lam Dong Province Industrial Zones Authority"},
		 "kind": "INDUSTRIAL_ZONE_AUTHORITY", "province": "Lâm Đồng",
		 "departments": ["Văn phòng", "Phòng Quản lý Đầu tư"],
		 "contacts": [{"name": "Phòng Xúc tiến Đầu tư", "email": "xuctiendautu@bqlkcn-lamdong.example",
		               "department": "Phòng Quản lý Đầu tư", "role": "Đầu mối hợp tác", "language": "vi",
		               "notify": true, "digest": false},
		              {"name": "Investor relations", "email": "investors@bqlkcn-lamdong.example",
		               "department": "Phòng Quản lý Đầu tư", "role": "Foreign investors' desk", "language": "en",
		               "notify": true, "digest": true}]}
		""")
record OrganizationInput(
		@NotBlank @Size(max = 32) @Pattern(regexp = "[A-Z0-9][A-Z0-9._-]*", message = "{code.pattern}") String code,
		@NotNull @Valid TextInput name, @NotNull OrganizationKind kind, @Size(max = 100) @PlainText String province,
		@Size(max = 50) List<@NotBlank @Size(max = 200) @PlainText String> departments,
		@Size(max = 100) List<@NotNull @Valid ContactInput> contacts) {

	List<String> departmentsOrEmpty() {
		return (this.departments != null) ? this.departments : List.of();
	}

	List<ContactInput> contactsOrEmpty() {
		return (this.contacts != null) ? this.contacts : List.of();
	}

}
