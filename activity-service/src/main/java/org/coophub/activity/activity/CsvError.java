package org.coophub.activity.activity;

/**
 * What is wrong with a cell of an imported file: row 1 is the first data row after the
 * header; column is the header as written in the file, or null for the whole row.
 */
public record CsvError(int row, String column, String message) {
}
