package org.coophub.notification.notification;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.coophub.events.common.Money;

/**
 * Dates and amounts as each language writes them: 06/11/2012 and 350.000.000.000 VND in
 * Vietnamese, 6 November 2012 and 350,000,000,000 VND in English.
 */
public final class MailFormats {

	private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	private MailFormats() {
	}

	public static String date(LocalDate date, String language) {
		return "en".equals(language) ? EN_DATE.format(date) : VI_DATE.format(date);
	}

	public static String money(Money money, String language) {
		NumberFormat format = NumberFormat.getNumberInstance(Locale.forLanguageTag(language));
		format.setMaximumFractionDigits(2);
		return format.format(money.amount()) + " " + money.currency();
	}

}
