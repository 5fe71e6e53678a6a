package org.coophub.localstack.mail;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The page a person reads captured mail on: newest first, each mail folded open on click.
 * HTML bodies are shown in a sandboxed frame, so a mail's scripts never run.
 */
final class MailViewerPage {

	/**
	 * The program's zone, as the services' {@code coophub.program.zone} defaults to: the
	 * local stack runs them with that default and does not depend on their platform.
	 */
	static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(ZONE);

	private MailViewerPage() {
	}

	static String render(List<CapturedMail> mails) {
		StringBuilder page = new StringBuilder();
		page.append("""
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8">
				<title>Cooperation Hub: captured mail</title>
				<style>
				body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}
				summary{cursor:pointer;padding:.4rem 0}
				.meta{color:#555;font-size:.9rem}
				pre{white-space:pre-wrap;background:#f6f6f6;padding:.6rem}
				iframe{width:100%;height:24rem;border:1px solid #ccc}
				</style></head><body>
				<h1>Captured mail</h1>
				""");
		page.append("<p class=\"meta\">")
			.append(mails.size())
			.append(" message(s), times in ")
			.append(ZONE.getId())
			.append(". <a href=\"/\">Refresh</a>")
			.append(" · JSON: <a href=\"/api/messages\">/api/messages</a></p>\n");
		for (int i = mails.size() - 1; i >= 0; i--) {
			appendMail(page, mails.get(i));
		}
		return page.append("</body></html>\n").toString();
	}

	private static void appendMail(StringBuilder page, CapturedMail mail) {
		page.append("<details><summary><strong>")
			.append(Html.escape(mail.subject()))
			.append("</strong> <span class=\"meta\">")
			.append(Html.escape(DATE.format(mail.date())))
			.append(" · to ")
			.append(Html.escape(String.join(", ", mail.recipients())))
			.append("</span></summary>\n<p class=\"meta\">From: ")
			.append(Html.escape((mail.fromName() != null) ? mail.fromName() + " <" + mail.from() + ">" : mail.from()))
			.append("<br>To: ")
			.append(Html.escape(String.join(", ", mail.to())));
		if (!mail.cc().isEmpty()) {
			page.append("<br>Cc: ").append(Html.escape(String.join(", ", mail.cc())));
		}
		page.append("</p>\n");
		if (mail.text() != null) {
			page.append("<pre>").append(Html.escape(mail.text())).append("</pre>\n");
		}
		if (mail.html() != null) {
			page.append("<iframe sandbox title=\"HTML body\" srcdoc=\"")
				.append(Html.escape(mail.html()))
				.append("\"></iframe>\n");
		}
		for (MailAttachment attachment : mail.attachments()) {
			page.append("<p class=\"meta\">Attachment: ")
				.append(Html.escape((attachment.filename() != null) ? attachment.filename() : "(no name)"))
				.append(" (")
				.append(Html.escape(attachment.contentType()))
				.append(")</p>\n");
			if (attachment.isText()) {
				page.append("<pre>").append(Html.escape(attachment.content())).append("</pre>\n");
			}
		}
		page.append("</details>\n");
	}

}
