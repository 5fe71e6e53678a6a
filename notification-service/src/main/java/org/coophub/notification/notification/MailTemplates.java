package org.coophub.notification.notification;

import java.util.Locale;
import java.util.Map;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a mail from its Thymeleaf templates ({@code mail/<name>.html} and
 * {@code mail/<name>.txt}) and the {@code mail/messages} bundle, in Vietnamese or
 * English.
 */
@Component
class MailTemplates {

	/**
	 * Bumped whenever a template's wording changes, so the ledger tells which one was
	 * sent.
	 */
	static final int VERSION = 1;

	private final TemplateEngine engine;

	private final MessageSource messages;

	MailTemplates(TemplateEngine engine, MessageSource messages) {
		this.engine = engine;
		this.messages = messages;
	}

	RenderedMail render(String template, String language, Map<String, Object> model, Object... subjectArgs) {
		Locale locale = Locale.forLanguageTag(language);
		Context context = new Context(locale, model);
		String subject = this.messages.getMessage(template + ".subject", subjectArgs, locale);
		String html = this.engine.process("mail/" + template, context);
		String text = this.engine.process("mail/" + template + ".txt", context);
		return new RenderedMail(template, VERSION, language, subject, text, html);
	}

}
