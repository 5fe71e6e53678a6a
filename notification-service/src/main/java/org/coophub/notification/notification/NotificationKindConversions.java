package org.coophub.notification.notification;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Stores a {@link NotificationKind} as its {@link NotificationKind#value() value} (not
 * its constant's name), so the ledger keeps the strings it always held, and reads those
 * back; the same reading turns the {@code ?kind=} request parameter into a kind (an
 * unknown one is a 400 naming {@code kind}).
 */
@Configuration(proxyBeanMethods = false)
class NotificationKindConversions {

	@Bean
	MongoCustomConversions mongoCustomConversions() {
		return new MongoCustomConversions(List.of(new KindToValue(), new ValueToKind()));
	}

	@Bean
	ValueToKind notificationKindFromValue() {
		return new ValueToKind();
	}

	@WritingConverter
	static final class KindToValue implements Converter<NotificationKind, String> {

		@Override
		public String convert(NotificationKind kind) {
			return kind.value();
		}

	}

	@ReadingConverter
	static final class ValueToKind implements Converter<String, NotificationKind> {

		@Override
		public NotificationKind convert(String value) {
			return NotificationKind.of(value);
		}

	}

}
