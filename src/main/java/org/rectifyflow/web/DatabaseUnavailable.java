package org.rectifyflow.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A lost or unobtainable database connection: the request's transaction was rolled back
 * and nothing was stored, so the client is told to send it again later (HTTP 503 with
 * {@code Retry-After}) instead of being shown an internal error.
 */
public final class DatabaseUnavailable {

	/** The Chinese message of the answer. */
	public static final String MESSAGE_ZH = "数据库暂时无法访问，本次提交未保存，请稍后重试。";

	/** The English message of the answer. */
	public static final String MESSAGE_EN = "The database is temporarily unavailable; nothing was stored, retry later";

	/** Seconds a client is asked to wait before it sends the request again. */
	public static final int RETRY_AFTER_SECONDS = 10;

	private DatabaseUnavailable() {
	}

	/**
	 * @return the answer's body, in the shape of every other API error
	 */
	public static ProblemDetail problem() {
		return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable", MESSAGE_ZH, MESSAGE_EN);
	}

	/**
	 * Whether the error says that the database cannot be reached: SQLSTATE class 08, a
	 * connection pool time-out, or Spring's wrapping of either.
	 * @param error an error
	 * @return whether one of its causes is a lost or unobtainable connection
	 */
	public static boolean isCause(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
					|| cause instanceof CannotCreateTransactionException
					|| cause instanceof CannotGetJdbcConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
