package org.coophub.events.activity;

/**
 * A document, form or regulation one party handed to another; {@code link} points to
 * where the partners keep it.
 */
public record SharedDocument(String title, DocumentKind kind, String link) {
}
