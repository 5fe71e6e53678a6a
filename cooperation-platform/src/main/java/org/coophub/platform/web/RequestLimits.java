package org.coophub.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything else reads it, a request no service should process:
 * <ul>
 * <li>a query parameter whose name is not letters, digits, {@code _ . -} (e.g.
 * {@code q[$ne]} or {@code a[]}, operator injection attempts), or whose name or value
 * holds a control character (a NUL reached MongoDB's BSON encoder and answered 500): 400,
 * naming the parameter;</li>
 * <li>a body larger than the limit of its kind (a CSV or binary upload, anything else):
 * 413, whether it announces its length or comes in chunks.</li>
 * </ul>
 * Every refusal is {@code application/problem+json} like every other error, in the user's
 * language ({@link ProblemMessages}).
 */
public class RequestLimits extends OncePerRequestFilter {

	private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

	private static final List<MediaType> UPLOADS = List.of(MediaType.parseMediaType("text/csv"),
			MediaType.APPLICATION_OCTET_STREAM, MediaType.MULTIPART_FORM_DATA,
			MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

	private final JsonMapper json;

	private final DataSize maxBody;

	private final DataSize maxUpload;

	private final ProblemMessages messages = new ProblemMessages();

	/**
	 * The filter.
	 * @param json writes the problems
	 * @param maxBody the largest body other than an upload ({@code coophub.web.max-body})
	 * @param maxUpload the largest CSV or binary upload ({@code coophub.web.max-upload})
	 */
	public RequestLimits(JsonMapper json, DataSize maxBody, DataSize maxUpload) {
		this.json = json;
		this.maxBody = maxBody;
		this.maxUpload = maxUpload;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		QueryFault fault = queryFault(request.getQueryString());
		Locale language = ProblemMessages.language(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
		if (fault != null) {
			write(request, response, HttpStatus.BAD_REQUEST, text("invalid.title", language),
					text("invalid-query.detail", language, fault.field()),
					new FieldError(fault.field(), text(fault.key(), language)));
			return;
		}
		long limit = limitFor(request);
		long length = request.getContentLengthLong();
		if (length > limit) {
			write(request, response, HttpStatus.CONTENT_TOO_LARGE, text("too-large.title", language),
					tooLarge(request, limit, language), null);
			return;
		}
		if (length < 0 && request.getHeader("Transfer-Encoding") != null && !isMultipart(request)) {
			// no length announced: read at most the limit, and refuse what goes beyond (a
			// form upload
			// is left to the container, which parses its parts from the request itself
			// and holds
			// them to spring.servlet.multipart's limits)
			byte[] body = request.getInputStream().readNBytes((int) limit + 1);
			if (body.length > limit) {
				write(request, response, HttpStatus.CONTENT_TOO_LARGE, text("too-large.title", language),
						tooLarge(request, limit, language), null);
				return;
			}
			chain.doFilter(new ReadBody(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String contentType = request.getContentType();
		return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	private long limitFor(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (contentType != null) {
			try {
				MediaType type = MediaType.parseMediaType(contentType);
				if (UPLOADS.stream().anyMatch((upload) -> upload.includes(type))) {
					return this.maxUpload.toBytes();
				}
			}
			catch (IllegalArgumentException ex) {
				// an unreadable content type gets the smaller limit; MVC answers 415
			}
		}
		return this.maxBody.toBytes();
	}

	private String tooLarge(HttpServletRequest request, long limit, Locale language) {
		// the number as text: a message format would group its digits
		return text("too-large.detail", language, String.valueOf(DataSize.ofBytes(limit).toKilobytes()),
				(request.getContentType() != null) ? request.getContentType()
						: text("too-large.this-request", language));
	}

	private String text(String key, Locale language, Object... arguments) {
		return this.messages.text("coophub.problem." + key, language, arguments);
	}

	/**
	 * What is wrong with the query string: the first parameter at fault, or null.
	 */
	static QueryFault queryFault(String query) {
		if (query == null || query.isEmpty()) {
			return null;
		}
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String rawName = (equals < 0) ? pair : pair.substring(0, equals);
			String rawValue = (equals < 0) ? "" : pair.substring(equals + 1);
			String name;
			String value;
			try {
				name = decodeStrictly(rawName);
				value = decodeStrictly(rawValue);
			}
			catch (IllegalArgumentException ex) {
				return new QueryFault(printable(rawName), "query.encoding");
			}
			if (!PARAMETER_NAME.matcher(name).matches()) {
				return new QueryFault(printable(name), "query.name");
			}
			if (PlainTextValidator.firstFault(value, false) >= 0) {
				return new QueryFault(name, "query.plain-text");
			}
		}
		return null;
	}

	/**
	 * Percent-decodes as UTF-8, refusing bytes that are not UTF-8 (an encoded surrogate
	 * half such as {@code %ED%A0%80}, a stray {@code %FF}): {@code URLDecoder} would turn
	 * them into U+FFFD and let them through, and Tomcat then failed on the parameter with
	 * an exception, a 500.
	 * @throws IllegalArgumentException when the text is not percent-encoded UTF-8
	 */
	static String decodeStrictly(String raw) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '%') {
				if (i + 2 >= raw.length()) {
					throw new IllegalArgumentException("Incomplete percent-encoding");
				}
				int high = Character.digit(raw.charAt(i + 1), 16);
				int low = Character.digit(raw.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					throw new IllegalArgumentException("Not a percent-encoded byte");
				}
				bytes.write((high << 4) | low);
				i += 2;
			}
			else if (c == '+') {
				bytes.write(' ');
			}
			else {
				bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new IllegalArgumentException("Not UTF-8", ex);
		}
	}

	/** The name with what cannot be shown escaped, so the answer names what was sent. */
	private static String printable(String name) {
		StringBuilder out = new StringBuilder();
		name.codePoints()
			.forEach((c) -> out.append((c < 0x20 || c == 0x7F) ? String.format("\\u%04X", c) : Character.toString(c)));
		return out.toString();
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
			String detail, FieldError fault) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		if (fault != null) {
			problem.put(ProblemDetailsAdvice.ERRORS, List.of(fault));
		}
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

	/**
	 * A query parameter at fault and the key of what is wrong with it.
	 */
	record QueryFault(String field, String key) {
	}

	/** A request whose body was read already, to bound it. */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			InputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return available() == 0;
				}

				@Override
				public int available() {
					try {
						return in.available();
					}
					catch (IOException ex) {
						return 0;
					}
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("read synchronously");
				}

			};
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

		@Override
		public java.io.BufferedReader getReader() throws IOException {
			String encoding = (getCharacterEncoding() != null) ? getCharacterEncoding() : "UTF-8";
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
		}

	}

}
