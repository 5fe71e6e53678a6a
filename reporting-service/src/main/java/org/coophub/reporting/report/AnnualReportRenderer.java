package org.coophub.reporting.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.TimeZone;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Turns a report's content into HTML (Thymeleaf) and PDF (openhtmltopdf with DejaVu Sans
 * embedded, which has every Vietnamese glyph). Reproducible: nothing depends on the
 * clock: the PDF's producer, dates and file id are fixed or derived from the content, so
 * the same events give the same bytes.
 */
@Component
public class AnnualReportRenderer {

	static final String PRODUCER = "Cooperation Hub reporting-service";

	private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";

	private final ITemplateEngine templates;

	private final JsonMapper json;

	AnnualReportRenderer(ITemplateEngine templates, JsonMapper json) {
		this.templates = templates;
		this.json = json;
	}

	/**
	 * A hash of what the report says, independent of language and format.
	 * @param content the content
	 * @return the SHA-256 of its canonical JSON, in hex
	 */
	public String contentHash(AnnualReportContent content) {
		return sha256(this.json.writeValueAsBytes(content));
	}

	public String html(AnnualReportContent content, String language, String pdfHash) {
		Context context = new Context();
		context.setVariable("r", content);
		context.setVariable("t", ReportTexts.in(language));
		context.setVariable("contentHash", contentHash(content));
		context.setVariable("pdfHash", pdfHash);
		return this.templates.process("report/annual", context);
	}

	public byte[] pdf(AnnualReportContent content, String language) {
		String html = html(content, language, null);
		PdfRendererBuilder builder = new PdfRendererBuilder().useFastMode()
			.withHtmlContent(html, null)
			.withProducer(PRODUCER)
			.useFont(() -> font("DejaVuSans.ttf"), "DejaVu Sans", 400, FontStyle.NORMAL, true)
			.useFont(() -> font("DejaVuSans-Bold.ttf"), "DejaVu Sans", 700, FontStyle.NORMAL, true)
			.useFont(() -> font("DejaVuSansMono.ttf"), "DejaVu Sans Mono", 400, FontStyle.NORMAL, true);
		try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
			renderer.layout();
			PDDocument document = renderer.createPDFKeepOpen();
			fix(document, contentHash(content) + language);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			document.close();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Replaces everything PDFBox would take from the clock or chance.
	 */
	private static void fix(PDDocument document, String seed) {
		Calendar epoch = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
		epoch.clear();
		epoch.set(2000, Calendar.JANUARY, 1);
		PDDocumentInformation info = document.getDocumentInformation();
		info.setProducer(PRODUCER);
		info.setCreator(PRODUCER);
		info.setCreationDate(epoch);
		info.setModificationDate(epoch);
		byte[] id = HexFormat.of().parseHex(sha256(seed.getBytes(StandardCharsets.UTF_8)).substring(0, 32));
		COSArray ids = new COSArray();
		ids.add(new COSString(id));
		ids.add(new COSString(id));
		document.getDocument().getTrailer().setItem(COSName.ID, ids);
		document.setDocumentId(0L);
	}

	private static InputStream font(String file) {
		InputStream font = AnnualReportRenderer.class.getResourceAsStream(FONTS + file);
		if (font == null) {
			throw new IllegalStateException("Font " + file + " is missing from the classpath");
		}
		return font;
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
