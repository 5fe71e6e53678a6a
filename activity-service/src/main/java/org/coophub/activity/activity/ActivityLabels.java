package org.coophub.activity.activity;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.coophub.events.activity.ActivityStatus;
import org.coophub.events.activity.ActivityType;
import org.coophub.platform.text.SearchText;

/**
 * What people call activity types and statuses, in Vietnamese and English (the names
 * notification-service's mails use), so a spreadsheet may say "Hội nghị xúc tiến đầu tư"
 * or "Investment promotion conference" instead of
 * {@code INVESTMENT_PROMOTION_CONFERENCE}. Read ignoring case.
 */
final class ActivityLabels {

	private static final Pattern WORD_SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final Map<ActivityType, Label> TYPES = new EnumMap<>(ActivityType.class);

	private static final Map<ActivityStatus, Label> STATUSES = new EnumMap<>(ActivityStatus.class);

	static {
		TYPES.put(ActivityType.INVESTMENT_PROMOTION_CONFERENCE,
				new Label("Hội nghị xúc tiến đầu tư", "Investment promotion conference"));
		TYPES.put(ActivityType.TRADE_PROMOTION, new Label("Xúc tiến thương mại", "Trade promotion"));
		TYPES.put(ActivityType.INFORMATION_EXCHANGE, new Label("Trao đổi thông tin", "Information exchange"));
		TYPES.put(ActivityType.DOCUMENT_SHARING,
				new Label("Chia sẻ tài liệu, biểu mẫu", "Document and form sharing", "Chia sẻ tài liệu"));
		TYPES.put(ActivityType.WEBSITE_PROMOTION, new Label("Quảng bá trên trang web", "Website promotion"));
		TYPES.put(ActivityType.EXPERIENCE_EXCHANGE, new Label("Trao đổi kinh nghiệm", "Experience exchange"));
		TYPES.put(ActivityType.TRAINING, new Label("Đào tạo", "Training"));
		TYPES.put(ActivityType.SITE_VISIT, new Label("Khảo sát thực tế", "Site visit"));
		TYPES.put(ActivityType.JOINT_MEETING, new Label("Hội nghị giao ban", "Joint meeting"));
		TYPES.put(ActivityType.SPORTS_EVENT, new Label("Hội thao", "Sports event"));
		TYPES.put(ActivityType.ANNUAL_REVIEW,
				new Label("Sơ kết hàng năm", "Annual review", "Sơ kết hằng năm", "Sơ kết"));
		TYPES.put(ActivityType.OTHER, new Label("Hoạt động khác", "Other activity", "Khác", "Other"));
		STATUSES.put(ActivityStatus.PLANNED, new Label("Kế hoạch", "Planned", "Đã lên kế hoạch", "Dự kiến"));
		STATUSES.put(ActivityStatus.COMPLETED, new Label("Đã hoàn thành", "Completed", "Hoàn thành", "Đã tổ chức"));
		STATUSES.put(ActivityStatus.CANCELLED, new Label("Đã hủy", "Cancelled", "Hủy", "Canceled"));
	}

	private ActivityLabels() {
	}

	static String of(ActivityType type, ImportLanguage language) {
		return TYPES.get(type).in(language);
	}

	static String of(ActivityStatus status, ImportLanguage language) {
		return STATUSES.get(status).in(language);
	}

	/**
	 * Reads a type by its name or a label.
	 * @param cell what the cell says
	 * @return the type
	 * @throws IllegalArgumentException when it names none
	 */
	static ActivityType type(String cell) {
		return find(TYPES, cell).orElseThrow(() -> new IllegalArgumentException("not an activity type: " + cell));
	}

	/**
	 * Reads a status by its name or a label.
	 * @param cell what the cell says
	 * @return the status
	 * @throws IllegalArgumentException when it names none
	 */
	static ActivityStatus status(String cell) {
		return find(STATUSES, cell).orElseThrow(() -> new IllegalArgumentException("not a status: " + cell));
	}

	/** Every type's label in the language, for telling what a cell may say. */
	static String typeLabels(ImportLanguage language) {
		return TYPES.values().stream().map((label) -> label.in(language)).collect(Collectors.joining(", "));
	}

	/** Every status's label in the language, for telling what a cell may say. */
	static String statusLabels(ImportLanguage language) {
		return STATUSES.values().stream().map((label) -> label.in(language)).collect(Collectors.joining(", "));
	}

	/**
	 * The value a cell names. Labels are compared with their diacritics, ignoring case:
	 * "Hội thảo" (a seminar) must not read as "Hội thao" (a sports event). Only a cell
	 * written without any diacritics ("hoi nghi xuc tien dau tu") is compared folded.
	 */
	private static <E extends Enum<E>> Optional<E> find(Map<E, Label> labels, String cell) {
		String key = key(cell);
		boolean unaccented = key.equals(folded(cell));
		return labels.entrySet()
			.stream()
			.filter((entry) -> folded(entry.getKey().name()).equals(folded(cell))
					|| entry.getValue().names().contains(key)
					|| (unaccented && entry.getValue().foldedNames().contains(key)))
			.map(Map.Entry::getKey)
			.findFirst();
	}

	/**
	 * Lower-case words with their diacritics: "Hội nghị xúc tiến" as "hội nghị xúc tiến".
	 */
	private static String key(String text) {
		return Arrays
			.stream(WORD_SEPARATORS
				.split(Normalizer.normalize(text.replace('_', ' '), Normalizer.Form.NFC).toLowerCase(Locale.ROOT)))
			.filter((word) -> !word.isEmpty())
			.collect(Collectors.joining(" "));
	}

	/**
	 * Words without diacritics: {@code INVESTMENT_PROMOTION_CONFERENCE} as "investment
	 * promotion conference".
	 */
	private static String folded(String text) {
		return String.join(" ", SearchText.words(text.replace('_', ' ')));
	}

	private record Label(String vietnamese, String english, String... others) {

		String in(ImportLanguage language) {
			return language.pick(this.vietnamese, this.english);
		}

		List<String> names() {
			return all().map(ActivityLabels::key).toList();
		}

		List<String> foldedNames() {
			return all().map(ActivityLabels::folded).toList();
		}

		private Stream<String> all() {
			return Stream.concat(Stream.of(this.vietnamese, this.english), Stream.of(this.others));
		}

	}

}
