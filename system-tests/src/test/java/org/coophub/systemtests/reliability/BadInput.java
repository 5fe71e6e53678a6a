package org.coophub.systemtests.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The request bodies an endpoint taking JSON must refuse with a 4xx problem, storing and
 * publishing nothing.
 */
enum BadInput {

	MALFORMED_JSON("{\"title\": "),

	NOT_AN_OBJECT("[1, 2, 3]"),

	WRONG_TYPES("""
			{"code":{"a":1},"title":7,"name":[1],"agreementId":["x"],"startsAt":"yesterday","outcomes":"many",
			 "parties":"everyone","contacts":{"email":1},"status":12,"month":"May","language":{"vi":true}}
			"""),

	MISSING_FIELDS("{}"),

	OVER_LONG_STRINGS(overLong()),

	TEN_MEGABYTES("{\"description\":\"" + "a".repeat(10 * 1024 * 1024) + "\"}"),

	INVALID_UTF8(invalidUtf8()),

	NUMBERS_OUT_OF_RANGE(
			"""
					{"month":13,"day":32,"version":1e400,"leadDays":[-1,0,100000],
					 "outcomes":{"investorsAttending":99999999999999999999,"registeredCapital":{"amount":-1e400,"currency":"VND"}}}
					"""),

	NOSQL_OPERATORS("""
			{"code":{"$ne":null},"agreementId":{"$where":"sleep(1000)"},"title":{"vi":{"$gt":""}},
			 "email":{"$regex":".*"}}
			""");

	static final List<String> QUERY_INJECTIONS = List.of("{\"$ne\": null}", "{\"$where\": \"sleep(1000)\"}",
			"'; return true; var x='", "../../../../etc/passwd", "<script>alert(1)</script>");

	private final byte[] body;

	BadInput(String body) {
		this(body.getBytes(StandardCharsets.UTF_8));
	}

	BadInput(byte[] body) {
		this.body = body;
	}

	byte[] body() {
		return this.body;
	}

	private static String overLong() {
		String longText = "Lâm Đồng ".repeat(20_000);
		return """
				{"code":"%s","title":{"vi":"%s","en":"%s"},"name":{"vi":"%s"},"agreementId":"%s","description":"%s",
				 "note":"%s"}
				""".formatted(longText, longText, longText, longText, longText, longText, longText);
	}

	private static byte[] invalidUtf8() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes("{\"code\":\"".getBytes(StandardCharsets.UTF_8));
		out.writeBytes(new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE });
		out.writeBytes("\",\"title\":{\"vi\":\"L\u00e2m \u0110\u1ed3ng\"}}".getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

}
