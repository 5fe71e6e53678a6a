package org.coophub.reporting.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * The calendar of a window of days.
 *
 * @param from the first day
 * @param to the day after the last one
 * @param entries the activities and reviews starting in it, by start
 */
public record CalendarWindow(LocalDate from, LocalDate to, List<CalendarEntry> entries) {

}
