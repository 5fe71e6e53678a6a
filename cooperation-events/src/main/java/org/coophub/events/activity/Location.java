package org.coophub.events.activity;

public record Location(String province, String venue) {
}
