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
public class MailTemplates {

	/**
	 * Bumped whenever a template's wording changes, so the ledger tells which one was
	 * sent.
	 */
	public static final int VERSION = 1;

	private final TemplateEngine engine;

	private final MessageSource messages;

	MailTemplates(TemplateEngine engine, MessageSource messages) {
		this.engine = engine;
		this.messages = messages;
	}

	/**
	 * Renders a mail.
	 * @param template the mail's name, which keys its messages
	 * ({@code <template>.subject}, {@code <template>.intro}) and is kept in the ledger
	 * @param view the Thymeleaf templates to use, several mails may share them
	 * @param language {@code vi} or {@code en}
	 * @param model the values the templates show
	 * @param subjectArgs the values the subject shows
	 * @return the mail, HTML and plain text
	 */
	public RenderedMail render(String template, String view, String language, Map<String, Object> model,
			Object... subjectArgs) {
		Locale locale = Locale.forLanguageTag(language);
		Context context = new Context(locale, model);
		context.setVariable("template", template);
		String subject = this.messages.getMessage(template + ".subject", subjectArgs, locale);
		String html = this.engine.process("mail/" + view, context);
		String text = this.engine.process("mail/" + view + ".txt", context);
		return new RenderedMail(template, VERSION, language, subject, text, html);
	}

	/**
	 * One message of the bundle.
	 * @param code the message's code
	 * @param language {@code vi} or {@code en}
	 * @param args the values it shows
	 * @return the text
	 */
	public String message(String code, String language, Object... args) {
		return this.messages.getMessage(code, args, Locale.forLanguageTag(language));
	}

}
