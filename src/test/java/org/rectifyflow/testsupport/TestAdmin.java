package org.rectifyflow.testsupport;

/**
 * The administrator that {@link PostgresIntegrationTest} tests log in as.
 */
public final class TestAdmin {

	/**
	 * The admin user's name.
	 */
	public static final String USER = "admin";

	/**
	 * The admin user's password, set through {@code rectify.admin.password}.
	 */
	public static final String PASSWORD = "it-admin-Secret-1";

	/**
	 * A fixed AES-256 key (base64) for reporters' identities in integration tests.
	 */
	public static final String CLUE_KEY = "dGVzdC1vbmx5LWNsdWUta2V5LTMyLWJ5dGVzLWxvbmc=";

	private TestAdmin() {
	}

}
