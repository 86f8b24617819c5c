package org.rectifyflow.notification.internal;

import java.util.List;

/**
 * One page of notifications, newest first.
 *
 * @param content the notifications on this page
 * @param page the page number, from 0
 * @param size the page size
 * @param totalElements the number of notifications matching the query
 * @param totalPages the number of pages
 */
public record NotificationPage(List<NotificationView> content, int page, int size, long totalElements, int totalPages) {

}
