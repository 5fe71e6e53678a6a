package org.coophub.activity.activity;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.coophub.platform.web.FieldError;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Importing a staff member's spreadsheet: a preview of every row first, then all or
 * nothing, and a template to fill in. The file comes as the request body (CSV or XLSX) or
 * as the {@code file} part of a form upload, as a browser sends it.
 */
@RestController
@Tag(name = "Activity files", description = "Nhập và xuất tệp: activities imported from CSV or "
		+ "XLSX spreadsheets (with a preview and a template) and exported to CSV")
class ActivityImportController {

	static final String TEXT_CSV = "text/csv";

	private static final String FILE_FORMS = "The file is CSV (UTF-8 with or without BOM, separated by commas or "
			+ "semicolons) or an Excel workbook (.xlsx, its first sheet), sent as the body or as the part `file` of a "
			+ "multipart/form-data upload. Headers in Vietnamese or English in any order (docs/api.md lists them); "
			+ "agreements and organizations by code (CTHT-LD-HCM, BQL-LD) or id; dates dd/MM/yyyy [HH:mm] or ISO; "
			+ "types and statuses by name or by their Vietnamese or English label; amounts with Vietnamese or English "
			+ "digit grouping (120.000.000.000). Messages in Vietnamese or English by Accept-Language. An unreadable "
			+ "file (encoding, quoting, unknown or missing columns, no file part) is 400; more than 10,000 rows 422, "
			+ "over 10 MB 413.";

	private final ActivityImport imports;

	ActivityImportController(ActivityImport imports) {
		this.imports = imports;
	}

	@PostMapping(path = { "/api/v1/activities:import", "/api/v1/imports/activities" },
			consumes = { TEXT_CSV, ImportFormat.XLSX_MEDIA_TYPE, MediaType.APPLICATION_OCTET_STREAM_VALUE,
					MediaType.MULTIPART_FORM_DATA_VALUE })
	@Operation(summary = "Import activities from a CSV or XLSX file", description = FILE_FORMS
			+ " All or nothing: any bad row is 422 with every error {row, column, message} "
			+ "(the first 100, and errorCount), and nothing is stored or published. Answers 201 {imported, ids}.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = { @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string")),
							@Content(mediaType = ImportFormat.XLSX_MEDIA_TYPE,
									schema = @Schema(type = "string", format = "binary")),
							@Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
									schema = @Schema(type = "string", format = "binary")),
							@Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
									schema = @Schema(implementation = Upload.class)) }))
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<Map<String, Object>> importFile(@Parameter(hidden = true) HttpServletRequest request,
			@Parameter(hidden = true) @RequestPart(name = "file", required = false) MultipartFile part,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage)
			throws IOException {
		ImportLanguage language = ImportLanguage.of(acceptLanguage);
		List<Activity> imported = this.imports.importFile(file(request, part, language), language);
		return ResponseEntity.created(URI.create("/api/v1/activities"))
			.body(Map.of("imported", imported.size(), "ids", imported.stream().map(Activity::id).toList()));
	}

	@PostMapping(path = "/api/v1/imports/activities/preview",
			consumes = { TEXT_CSV, ImportFormat.XLSX_MEDIA_TYPE, MediaType.APPLICATION_OCTET_STREAM_VALUE,
					MediaType.MULTIPART_FORM_DATA_VALUE })
	@Operation(summary = "Preview an import: every row with what it records or its errors",
			description = FILE_FORMS + " Reads and checks the file exactly as the import does and stores and "
					+ "publishes nothing: 200 with every row (row number, agreement, type, title, dates, host) and its "
					+ "errors {column, message}; a row the user may not record is one more error here (the import "
					+ "answers it 403).",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = { @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string")),
							@Content(mediaType = ImportFormat.XLSX_MEDIA_TYPE,
									schema = @Schema(type = "string", format = "binary")),
							@Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
									schema = @Schema(type = "string", format = "binary")),
							@Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
									schema = @Schema(implementation = Upload.class)) }))
	ImportPreview preview(@Parameter(hidden = true) HttpServletRequest request,
			@Parameter(hidden = true) @RequestPart(name = "file", required = false) MultipartFile part,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage)
			throws IOException {
		ImportLanguage language = ImportLanguage.of(acceptLanguage);
		return this.imports.preview(file(request, part, language), language);
	}

	@GetMapping(path = "/api/v1/imports/activities/template",
			produces = { TEXT_CSV + ";charset=UTF-8", ImportFormat.XLSX_MEDIA_TYPE })
	@Operation(summary = "Download the import template",
			description = "Every column's header in Vietnamese or English and one example row (the 2010 investment "
					+ "promotion conference of the Lâm Đồng board in Ho Chi Minh City), as CSV (UTF-8 with BOM; "
					+ "semicolons in Vietnamese, commas in English) or XLSX (with a second sheet explaining the "
					+ "columns). lang defaults to the Accept-Language. The template imports as it is.")
	ResponseEntity<byte[]> template(
			@Parameter(description = "csv or xlsx") @RequestParam(defaultValue = "csv") ImportFormat format,
			@Parameter(description = "vi or en; by default the Accept-Language's") @RequestParam(
					required = false) ImportLanguage lang,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
		ImportLanguage language = (lang != null) ? lang : ImportLanguage.of(acceptLanguage);
		MediaType type = (format == ImportFormat.xlsx) ? MediaType.parseMediaType(ImportFormat.XLSX_MEDIA_TYPE)
				: new MediaType("text", "csv", StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(ImportTemplate.fileName(format, language), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(ImportTemplate.write(format, language));
	}

	/**
	 * The file's bytes: the {@code file} part of a form upload, or else the body.
	 */
	private static byte[] file(HttpServletRequest request, MultipartFile part, ImportLanguage language)
			throws IOException {
		if (part != null) {
			return part.getBytes();
		}
		MediaType type = (request.getContentType() != null) ? MediaType.parseMediaType(request.getContentType()) : null;
		if (type != null && MediaType.MULTIPART_FORM_DATA.includes(type)) {
			throw CsvRejectedException.noFile(new ImportMessages(language));
		}
		return request.getInputStream().readAllBytes();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> rejected(CsvRejectedException ex) {
		HttpStatus status = ex.isUnreadable() ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle(ex.title());
		if (ex.field() != null) {
			problem.setProperty("errors", List.of(new FieldError(ex.field(), ex.getMessage())));
		}
		else if (!ex.errors().isEmpty()) {
			problem.setProperty("errors", ex.errors());
			problem.setProperty("errorCount", ex.errorCount());
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** A form upload, as the OpenAPI document describes it. */
	@Schema(name = "ActivityFileUpload")
	record Upload(@Schema(description = "the CSV or XLSX file", type = "string", format = "binary",
			requiredMode = Schema.RequiredMode.REQUIRED) String file) {
	}

}
